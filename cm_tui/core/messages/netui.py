"""Messages of the live accounts in the app: the reply's account line, the outbox on the Queue,
the Accounts screen, the sync thread's faults."""

MESSAGES = {
    "netui.fault": (
        "Live accounts paused: {detail}; cm-tui starts again in a moment.",
        "Comptes en direct en pause : {detail} ; cm-tui reprend dans un instant.",
    ),
    "netui.reply.posts_as": (
        "Posts as {account} · visibility: {visibility}",
        "Publie en tant que {account} · visibilité : {visibility}",
    ),
    "netui.reply.hint": (
        "↓/↑ or tab: saved replies · ctrl+s sends after the undo window (u takes it back) · "
        "esc cancels",
        "↓/↑ ou tab : réponses enregistrées · ctrl+s envoie après le délai d'annulation "
        "(u la reprend) · échap annule",
    ),
    "netui.visibility.public": ("public", "public"),
    "netui.visibility.unlisted": ("unlisted", "non listé"),
    "netui.visibility.private": ("followers only", "abonnés seulement"),
    "netui.visibility.direct": ("direct (stays private)", "direct (reste privé)"),
    "netui.reply.no_account": (
        "No {network} account can post this reply; add one (palette: Accounts).",
        "Aucun compte {network} ne peut publier cette réponse ; ajoutez-en un (palette : Comptes).",
    ),
    "netui.reply.queued": (
        "Reply to {who} goes out in {seconds} s; u takes it back.",
        "Réponse à {who} envoyée dans {seconds} s ; u la reprend.",
    ),
    "netui.reply.taken_back": (
        "Reply to {who} taken back: nothing was sent.",
        "Réponse à {who} reprise : rien n'a été envoyé.",
    ),
    "netui.reply.too_late": (
        "The reply to {who} was already sent; it stays on the server.",
        "La réponse à {who} était déjà envoyée ; elle reste sur le serveur.",
    ),
    "netui.outbox.pending": (
        "↗ Reply waiting to go out (after {at}); u takes it back, e edits, x cancels.",
        "↗ Réponse en attente d'envoi (après {at}) ; u la reprend, e la modifie, x l'annule.",
    ),
    "netui.outbox.sending": (
        "↗ Reply going out now; x cancels.",
        "↗ Réponse en cours d'envoi ; x l'annule.",
    ),
    "netui.outbox.offline": (
        "⚠ Reply not sent yet: {account} offline ({detail}); next try {when}; e edits, x cancels.",
        "⚠ Réponse pas encore envoyée : {account} hors ligne ({detail}) ; prochain essai "
        "{when} ; e la modifie, x l'annule.",
    ),
    "netui.outbox.rate_limited": (
        "⚠ Reply not sent yet: {account} rate-limited; next try {when}; e edits, x cancels.",
        "⚠ Réponse pas encore envoyée : {account} limité ; prochain essai {when} ; "
        "e la modifie, x l'annule.",
    ),
    "netui.outbox.token": (
        "⚠ Reply not sent yet: {account} token refused; add the account again "
        "(palette: Accounts); e edits, x cancels.",
        "⚠ Réponse pas encore envoyée : {account}, jeton refusé ; ajoutez le compte à "
        "nouveau (palette : Comptes) ; e la modifie, x l'annule.",
    ),
    "netui.outbox.retrying": (
        "⚠ Reply not sent yet ({detail}); next try {when}; e edits, x cancels.",
        "⚠ Réponse pas encore envoyée ({detail}) ; prochain essai {when} ; "
        "e la modifie, x l'annule.",
    ),
    "netui.outbox.at": ("at {at}", "à {at}"),
    "netui.outbox.soon": ("in a moment", "dans un instant"),
    "netui.outbox.failed": (
        "⚠ Reply refused ({detail}); e edits it, x cancels it.",
        "⚠ Réponse refusée ({detail}) ; e la modifie, x l'annule.",
    ),
    "netui.outbox.none": (
        "This item has no reply waiting in the outbox.",
        "Cet élément n'a pas de réponse en attente dans la boîte d'envoi.",
    ),
    "netui.outbox.cancel_ask": (
        "Cancel the unsent reply to {who}? It will never be sent.",
        "Annuler la réponse non envoyée à {who} ? Elle ne sera jamais envoyée.",
    ),
    "netui.outbox.cancelled": (
        "Reply to {who} cancelled.",
        "Réponse à {who} annulée.",
    ),
    "netui.outbox.edited": (
        "Reply to {who} changed; it goes out in {seconds} s.",
        "Réponse à {who} modifiée ; envoi dans {seconds} s.",
    ),
    "netui.outbox.gone": (
        "That reply was sent or cancelled meanwhile.",
        "Cette réponse a été envoyée ou annulée entre-temps.",
    ),
    "netui.key.edit_reply": ("Edit unsent reply", "Modifier la réponse non envoyée"),
    "netui.key.cancel_reply": ("Cancel unsent reply", "Annuler la réponse non envoyée"),
    "netui.edits.reply_queued": (
        "reply to {author} put in the outbox",
        "réponse à {author} mise en boîte d'envoi",
    ),
    "netui.replied_url": ("Sent: {url}", "Envoyée : {url}"),
    "netui.context.in_reply_to": ("In reply to {who} ({at}):", "En réponse à {who} ({at}) :"),
    "netui.accounts.title": ("Accounts", "Comptes"),
    "netui.accounts.command": ("Accounts: live networks", "Comptes : réseaux en direct"),
    "netui.accounts.command_help": (
        "List, add and remove Mastodon accounts",
        "Lister, ajouter et retirer des comptes Mastodon",
    ),
    "netui.accounts.empty": (
        "No account yet: n adds one (a Mastodon access token, Preferences → Development).",
        "Aucun compte : n en ajoute un (un jeton d'accès Mastodon, Préférences → Développement).",
    ),
    "netui.accounts.key.add": ("Add account", "Ajouter un compte"),
    "netui.accounts.key.remove": ("Remove account", "Retirer le compte"),
    "netui.accounts.key.close": ("Close", "Fermer"),
    "netui.accounts.remove_ask": (
        "Remove {account}? Its token is forgotten; its items and sent replies stay.",
        "Retirer {account} ? Son jeton est oublié ; ses éléments et réponses envoyées restent.",
    ),
    "netui.accounts.removed": ("{account} removed.", "{account} retiré."),
    "netui.accounts.adding": (
        "Checking the token on {instance}…",
        "Vérification du jeton sur {instance}…",
    ),
    "netui.accounts.added": ("{account} added: {state}.", "{account} ajouté : {state}."),
    "netui.accounts.refused": (
        "Not added: {detail}. Check the instance and the token, then try again.",
        "Non ajouté : {detail}. Vérifiez l'instance et le jeton, puis réessayez.",
    ),
    "netui.form.title": ("Add a Mastodon account", "Ajouter un compte Mastodon"),
    "netui.form.instance": ("Instance", "Instance"),
    "netui.form.instance_hint": ("e.g. mastodon.social", "p. ex. mastodon.social"),
    "netui.form.token": ("Access token", "Jeton d'accès"),
    "netui.form.token_hint": (
        "Preferences → Development → your application → access token (kept out of the store)",
        "Préférences → Développement → votre application → jeton d'accès (hors du magasin)",
    ),
    "netui.form.bad_instance": (
        "Type the instance's address, e.g. mastodon.social.",
        "Tapez l'adresse de l'instance, p. ex. mastodon.social.",
    ),
    "netui.form.no_token": ("Paste the access token.", "Collez le jeton d'accès."),
    "netui.publication.failed": ("failed: {reason}", "échec : {reason}"),
}
