"""Core-level words: task groups, cadences, statuses, time blocks, bands, target states."""

from cm_tui.core.i18n import Messages

MESSAGES: Messages = {
    # task groups (sections of the Today tab)
    "core.group.onboarding": ("First weeks", "Premières semaines"),
    "core.group.first_months": ("First months", "Premiers mois"),
    "core.group.several_daily": ("Several times a day", "Plusieurs fois par jour"),
    "core.group.daily": ("Daily", "Chaque jour"),
    "core.group.weekly": ("Weekly", "Chaque semaine"),
    "core.group.monthly": ("Monthly", "Chaque mois"),
    "core.group.occasional": ("Occasional", "Occasionnellement"),
    # the demo's reference documents (core.demo), in the demo's language
    "core.demo.doc.charter": ("Social media graphic charter", "Charte graphique réseaux sociaux"),
    "core.demo.doc.editorial_line": ("Editorial line {year}", "Ligne éditoriale {year}"),
    "core.demo.doc.netiquette": ("Netiquette", "Nétiquette"),
    "core.demo.doc.header_images": ("Header and cover images", "Images d'en-tête et de couverture"),
    "core.demo.doc.hashtags": ("Hashtag lists", "Listes de hashtags"),
    "core.demo.doc.watch_plan": ("Watch plan", "Plan de veille"),
    "core.demo.doc.about": ("About — {network}", "À propos — {network}"),
    # time left before a deadline (core.locale.countdown)
    "core.countdown.hours": ("{hours}h{minutes}", "{hours}h{minutes}"),
    "core.countdown.days": ("{days}d{hours}", "{days}j{hours}"),
    # agenda sections
    "core.section.overdue": ("Overdue", "En retard"),
    "core.section.now": ("Now", "Maintenant"),
    # time blocks
    "core.block.morning": ("Morning", "Matin"),
    "core.block.midday": ("Midday", "Midi"),
    "core.block.afternoon": ("Afternoon", "Après-midi"),
    "core.block.evening": ("Evening", "Soir"),
    # occurrence statuses
    "core.status.pending": ("To do", "À faire"),
    "core.status.done": ("Done", "Fait"),
    "core.status.skipped": ("Skipped", "Sauté"),
    "core.status.snoozed": ("Snoozed", "Reporté"),
    # cadence descriptions
    "core.cadence.once": ("Once", "Une fois"),
    "core.cadence.once_on": ("Once, on {day}", "Une fois, le {day}"),
    "core.cadence.times_per_day": (
        {"one": "Once a day", "other": "{count} times a day"},
        {"one": "Une fois par jour", "other": "{count} fois par jour"},
    ),
    "core.cadence.once_a_day": ("Once a day", "Une fois par jour"),
    "core.cadence.daily": ("Every day", "Tous les jours"),
    "core.cadence.every_n_days": (
        {"one": "Every day", "other": "Every {count} days"},
        {"one": "Tous les jours", "other": "Tous les {count} jours"},
    ),
    "core.cadence.workdays": ("Every working day", "Chaque jour ouvré"),
    "core.cadence.weekly": ("Every week on {days}", "Chaque semaine : {days}"),
    "core.cadence.every_n_weeks": (
        {"one": "Every week on {days}", "other": "Every {count} weeks on {days}"},
        {"one": "Chaque semaine : {days}", "other": "Toutes les {count} semaines : {days}"},
    ),
    "core.cadence.monthly_day": ("Monthly on day {day}", "Chaque mois, le {day}"),
    "core.cadence.monthly_last_day": ("Monthly on the last day", "Chaque mois, le dernier jour"),
    "core.cadence.monthly_nth": ("Monthly, {nth} {weekday}", "Chaque mois, {nth} {weekday}"),
    "core.cadence.every_n_months": (
        {"one": "Every month", "other": "Every {count} months"},
        {"one": "Tous les mois", "other": "Tous les {count} mois"},
    ),
    "core.cadence.quarterly": ("Every quarter", "Chaque trimestre"),
    "core.cadence.occasional": (
        {
            "one": "Every month since last done",
            "other": "Every {count} months since last done",
        },
        {
            "one": "Tous les mois depuis la dernière fois",
            "other": "Tous les {count} mois depuis la dernière fois",
        },
    ),
    "core.cadence.after_days": (
        {"one": "{count} day after last done", "other": "{count} days after last done"},
        {
            "one": "{count} jour après la dernière fois",
            "other": "{count} jours après la dernière fois",
        },
    ),
    "core.cadence.after_weeks": (
        {"one": "{count} week after last done", "other": "{count} weeks after last done"},
        {
            "one": "{count} semaine après la dernière fois",
            "other": "{count} semaines après la dernière fois",
        },
    ),
    "core.cadence.after_months": (
        {"one": "{count} month after last done", "other": "{count} months after last done"},
        "{count} mois après la dernière fois",
    ),
    "core.cadence.at": ("{cadence} at {time}", "{cadence} à {time}"),
    # weekdays (ISO numbers)
    "core.weekday.1": ("Monday", "lundi"),
    "core.weekday.2": ("Tuesday", "mardi"),
    "core.weekday.3": ("Wednesday", "mercredi"),
    "core.weekday.4": ("Thursday", "jeudi"),
    "core.weekday.5": ("Friday", "vendredi"),
    "core.weekday.6": ("Saturday", "samedi"),
    "core.weekday.7": ("Sunday", "dimanche"),
    "core.weekday_short.1": ("Mon", "lun"),
    "core.weekday_short.2": ("Tue", "mar"),
    "core.weekday_short.3": ("Wed", "mer"),
    "core.weekday_short.4": ("Thu", "jeu"),
    "core.weekday_short.5": ("Fri", "ven"),
    "core.weekday_short.6": ("Sat", "sam"),
    "core.weekday_short.7": ("Sun", "dim"),
    "core.nth.1": ("first", "le premier"),
    "core.nth.2": ("second", "le deuxième"),
    "core.nth.3": ("third", "le troisième"),
    "core.nth.4": ("fourth", "le quatrième"),
    "core.nth.5": ("fifth", "le cinquième"),
    "core.nth.-1": ("last", "le dernier"),
    # missed-occurrence policies
    "core.missed.pile_up": ("Missed ones pile up", "Les oublis s'accumulent"),
    "core.missed.latest_only": ("Keep only the latest", "Garder seulement le dernier"),
    # response queue
    "core.band.overdue": ("Overdue", "En retard"),
    "core.band.due15": ("Due within 15 min", "Échéance dans 15 min"),
    "core.band.due30": ("Due within 30 min", "Échéance dans 30 min"),
    "core.band.ok": ("On time", "Dans les temps"),
    "core.queue.kind.comment": ("Comment", "Commentaire"),
    "core.queue.kind.message": ("Private message", "Message privé"),
    "core.queue.kind.mention": ("Mention", "Mention"),
    "core.queue.kind.review": ("Review", "Avis"),
    "core.queue.status.new": ("New", "Nouveau"),
    "core.queue.status.replied": ("Replied", "Répondu"),
    "core.queue.status.ignored": ("Ignored", "Ignoré"),
    "core.queue.status.escalated": ("Escalated", "Transmis"),
    "core.queue.status.snoozed": ("Snoozed", "Reporté"),
    # posts
    "core.post.idea": ("Idea", "Idée"),
    "core.post.draft": ("Draft", "Brouillon"),
    "core.post.scheduled": ("Scheduled", "Programmé"),
    "core.post.published": ("Published", "Publié"),
    "core.post.cancelled": ("Cancelled", "Annulé"),
    "core.post.failed": ("Failed", "Échec"),
    # posting targets
    "core.target.under": ("Under target", "Sous l'objectif"),
    "core.target.within": ("On target", "Objectif atteint"),
    "core.target.over": ("Over target", "Au-delà de l'objectif"),
    "core.period.day": ("a day", "par jour"),
    "core.period.week": ("a week", "par semaine"),
    "core.target.range": ("{low}–{high} {period}", "{low} à {high} {period}"),
    # stats metrics
    "core.metric.followers": ("Followers", "Abonnés"),
    "core.metric.posts": ("Posts", "Publications"),
    "core.metric.reach": ("Reach", "Portée"),
    "core.metric.impressions": ("Impressions", "Impressions"),
    "core.metric.reactions": ("Reactions", "Réactions"),
    "core.metric.comments": ("Comments", "Commentaires"),
    "core.metric.shares": ("Shares", "Partages"),
    "core.metric.clicks": ("Clicks", "Clics"),
    "core.metric.profile_visits": ("Profile visits", "Visites du profil"),
    "core.metric.engagements": ("Engagements", "Interactions"),
    "core.metric.engagement_rate": ("Engagement rate", "Taux d'engagement"),
    # onboarding
    "core.onboarding.progress": (
        "Week {week} · {count}/{total} done ({percent})",
        {
            "one": "Semaine {week} · {count}/{total} fait ({percent})",
            "other": "Semaine {week} · {count}/{total} faits ({percent})",
        },
    ),
    # shipped data files
    "core.data.invalid": ("{file}: {entry}: {problem}", "{file} : {entry} : {problem}"),
    "core.data.unreadable": (
        "cannot read {file}: {problem} (reinstall cm-tui)",
        "impossible de lire {file} : {problem} (réinstallez cm-tui)",
    ),
}
