"""Maison Lumen, the demo's fictional design-lamp maker: its networks, people and words.

The fixed lists the demo generator (``core.demo``) draws from; data only, no randomness. Their
contents and order are part of the generator's output (``random.Random.choice`` picks by
position): changing an entry changes every demo store generated after it.
"""

from __future__ import annotations

from collections.abc import Mapping

from cm_tui.core.models import HashtagKind, KeywordKind

#: The networks the demo organisation works (the articles: two or three done well, plus the blog).
DEMO_NETWORKS: tuple[str, ...] = ("facebook", "x", "instagram", "linkedin", "blog")
#: the social networks it posts on (the blog gets one post a week, on Fridays)
POSTING_NETWORKS: tuple[str, ...] = ("facebook", "x", "instagram", "linkedin")

#: the first names of the commenters (accents, several origins)
FIRST_NAMES = (
    "Camille", "Léa", "Hugo", "Chloé", "Nathan", "Zoé", "Élodie", "Mathis", "Inès", "Théo",
    "Sarah", "Louis", "Maëlle", "Gabriel", "Anaïs", "Noah", "Jade", "Raphaël", "Emma", "Jules",
    "Olivia", "Liam", "Amélie", "Félix", "Priya", "Omar", "Mei", "Lucas", "Ava", "Benoît",
)  # fmt: skip
#: their last names
LAST_NAMES = (
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
    "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Girard",
    "Smith", "Nguyen", "Martin", "Dubois", "Lefèvre", "Müller", "Haddad",
)  # fmt: skip
#: how many of the first commenters of the author pool are ambassadors
AMBASSADORS = 8
#: (name, network, handle) of the influencers the organisation follows
INFLUENCERS = (
    ("Julie Design", "instagram", "@juliedesign"),
    ("Marc Déco", "instagram", "@marcdeco"),
    ("Atelier Nord", "facebook", "atelier.nord"),
    ("Sophie Interiors", "x", "@sophie_interiors"),
    ("Le Blog Lumière", "linkedin", "le-blog-lumiere"),
    ("Maison & Style", "instagram", "@maisonstyle"),
    ("Karim Makes", "x", "@karimmakes"),
    ("Design Québec", "facebook", "designquebec"),
)
#: the watched keywords and their kinds
KEYWORDS = (
    ("Maison Lumen", KeywordKind.BRAND),
    ("Lumen", KeywordKind.BRAND),
    ("Aurore", KeywordKind.PRODUCT),
    ("Lumen Box", KeywordKind.PRODUCT),
    ("Nordik Lab", KeywordKind.COMPETITOR),
    ("Studio Érable", KeywordKind.COMPETITOR),
    ("livraison", KeywordKind.TOPIC),
)
#: the organisation's hashtags and their kinds
HASHTAGS = (
    ("#communitymanager", HashtagKind.GENERAL),
    ("#marketingdigital", HashtagKind.GENERAL),
    ("#design", HashtagKind.GENERAL),
    ("#décoration", HashtagKind.GENERAL),
    ("#fabriquéauquébec", HashtagKind.GENERAL),
    ("#interiordesign", HashtagKind.GENERAL),
    ("#MaisonLumen", HashtagKind.SPECIFIC),
    ("#LampeAurore", HashtagKind.SPECIFIC),
    ("#LumenBox", HashtagKind.SPECIFIC),
    ("#ÉclairageDesign", HashtagKind.SPECIFIC),
    ("#LumenAtelier", HashtagKind.SPECIFIC),
)
#: the posts' topics: (English, French)
TOPICS = (
    (
        "Behind the scenes: hand-finishing the Aurore lamp",
        "Dans l'atelier : la finition à la main de la lampe Aurore",
    ),
    ("5 ways to light a small living room", "5 façons d'éclairer un petit salon"),
    ("Meet the team: our glassblower", "Rencontre avec notre souffleuse de verre"),
    ("Warm or cold light? A short guide", "Lumière chaude ou froide ? Petit guide"),
    ("Customer corner: your photos", "Coin clients : vos photos"),
    ("The Lumen Box is back in stock", "La Lumen Box est de retour en stock"),
    ("How we recycle our packaging", "Comment nous recyclons nos emballages"),
    ("Winter evenings, softer light", "Soirées d'hiver, lumière douce"),
    ("Contest: win an Aurore lamp", "Concours : gagnez une lampe Aurore"),
    ("Live Q&A with our designer", "Questions-réponses en direct avec notre designer"),
    ("From sketch to shelf", "De l'esquisse à la boutique"),
    ("Lighting your home office", "Éclairer son bureau à la maison"),
)  # fmt: skip
#: the posts' sentences, filled with a topic
POST_LINES = (
    "New this week at Maison Lumen: {topic}.",
    "Nouveau cette semaine chez Maison Lumen : {topic_fr}.",
    "{topic_fr} — on vous dit tout sur le blogue.",
    "{topic}. Tell us what you think in the comments!",
    "{topic_fr} ✨ Dites-nous ce que vous en pensez !",
)
#: comments, messages and mentions in English
COMMENTS_EN = (
    "Love the new Aurore lamp, when will it ship to Toronto?",
    "Is the Lumen Box available in black?",
    "Great post, thanks for sharing!",
    "My order hasn't arrived yet, can someone help?",
    "How does this compare with Nordik Lab's lamps?",
    "Beautiful work 👏",
    "Do you do custom sizes for restaurants?",
    "The dimmer stopped working after a week. Not happy.",
    "Any discount for students?",
    "Saw you at the design fair, amazing booth!",
)
#: the same in French, with accents and emoji
COMMENTS_FR = (
    "J'adore la lampe Aurore 😍 elle est livrée en région ?",
    "Quel délai de livraison pour Québec ?",
    "Superbe travail, bravo à l'équipe ! 👏🔥",
    "Ma commande n'est toujours pas arrivée… quelqu'un peut m'aider ?",
    "Est-ce que la Lumen Box existe en noir ?",
    "Merci pour l'info, très utile 🙏",
    "Vous êtes mieux que Studio Érable, franchement ❤️",
    "Où peut-on voir vos créations à Montréal ?",
    "Déçue : l'abat-jour est arrivé fêlé. Que faire ?",
    "Génial ce concours ! Je tente ma chance 🤞",
    "Une idée pour éclairer un coin lecture ? 👩‍💻",
    "Très belle lumière, ça donne envie de cocooner ☕",
)
#: reviews, with their stars
REVIEWS = (
    "★★★★★ Qualité exceptionnelle, service client au top.",
    "★★☆☆☆ Beautiful lamp but delivery took three weeks.",
    "★★★★☆ Très belle finition, un peu cher.",
)
#: The odd ones: spam, shouting and off-topic requests a community manager meets (kept plain:
#: the demo is what the README's screenshots show; the tests hold their hostile strings).
ODD_TEXTS = (
    "FREE LAMPS click here!!!",
    "Great post really",
    "Win a prize, follow my page",
    "See my portfolio, link in bio",
    "URGENT call me back",
    "Prix spécial aujourd'hui seulement → clique",
)
#: the community manager's replies, filled with the author's first name
REPLIES = (
    "Thank you {author}! 🙏",
    "Merci {author} ! On vous répond en privé.",
    "Hi {author}, we've sent you a private message with the details.",
    "Bonjour {author}, la livraison prend 3 à 5 jours ouvrables.",
    "Merci beaucoup {author} ❤️",
)
#: the networks' local posting windows: (first minute, last minute) of the day
POST_WINDOWS: Mapping[str, tuple[tuple[int, int], ...]] = {
    "facebook": ((11 * 60, 14 * 60), (17 * 60 + 30, 20 * 60)),
    "x": ((8 * 60, 19 * 60),),
    "instagram": ((11 * 60, 13 * 60 + 30), (17 * 60, 21 * 60)),
    "linkedin": ((7 * 60 + 30, 10 * 60), (12 * 60, 13 * 60)),
}
#: followers per network a year before ``now``
BASE_FOLLOWERS = {"facebook": 4200, "x": 2600, "instagram": 3100, "linkedin": 1500, "blog": 800}
#: followers' monthly growth per network
GROWTH = {"facebook": 0.012, "x": 0.018, "instagram": 0.035, "linkedin": 0.025, "blog": 0.02}
