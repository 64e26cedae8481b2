"""Messages of the network connectors: account states, notices, the outbox."""

MESSAGES = {
    "net.state.unknown": ("not reached yet", "pas encore joint"),
    "net.state.connected": ("connected", "connecté"),
    "net.state.offline": ("offline since {since}", "hors ligne depuis {since}"),
    "net.state.rate_limited": ("rate-limited until {until}", "limité jusqu'à {until}"),
    "net.state.token_refused": ("token refused", "jeton refusé"),
    "net.notice.offline": (
        "{account}: offline ({detail}); cm-tui tries again by itself.",
        "{account} : hors ligne ({detail}) ; cm-tui réessaie tout seul.",
    ),
    "net.reason.offline": ("no connection", "pas de connexion"),
    "net.reason.timeout": ("no answer in time", "pas de réponse à temps"),
    "net.reason.server": ("the instance answered {status}", "l'instance a répondu {status}"),
    "net.reason.unreadable": ("unreadable answer", "réponse illisible"),
    "net.reason.token": ("token refused ({status})", "jeton refusé ({status})"),
    "net.reason.rate_limited": ("rate limit reached", "limite de requêtes atteinte"),
    "net.reason.refused": ("refused ({status})", "refusé ({status})"),
    "net.reason.refused_said": ("refused ({status}: {said})", "refusé ({status} : {said})"),
    "net.reason.no_streaming": ("no streaming ({status})", "pas de flux en direct ({status})"),
    "net.notice.rate_limited": (
        "{account}: rate-limited until {until}; cm-tui waits and goes on.",
        "{account} : limité jusqu'à {until} ; cm-tui attend puis reprend.",
    ),
    "net.notice.token_refused": (
        "{account}: the instance refused the token; add the account again (cm-tui account add).",
        "{account} : l'instance refuse le jeton ; ajoutez le compte à nouveau "
        "(cm-tui account add).",
    ),
    "net.notice.connected": ("{account}: connected again.", "{account} : de nouveau connecté."),
    "net.notice.no_secret": (
        "{account}: its token is missing; add the account again (cm-tui account add).",
        "{account} : son jeton est introuvable ; ajoutez le compte à nouveau (cm-tui account add).",
    ),
    "net.notice.reply_failed": (
        "A reply to {handle} was refused ({detail}); edit or cancel it in the outbox.",
        "Une réponse à {handle} a été refusée ({detail}) ; modifiez-la ou annulez-la "
        "dans la boîte d'envoi.",
    ),
    "net.notice.publish_failed": (
        "Post “{title}” could not be published: {detail}.",
        "La publication « {title} » n'a pas pu être publiée : {detail}.",
    ),
    "net.publish.missed": (
        "its time passed over an hour ago while cm-tui was not running; schedule it again",
        "son heure est passée depuis plus d'une heure sans que cm-tui tourne ; "
        "programmez-la à nouveau",
    ),
    "net.publish.gone": (
        "the scheduled status is no longer on the instance; schedule it again",
        "le message programmé n'est plus sur l'instance ; programmez-la à nouveau",
    ),
    "net.unsent": (
        {"one": "{count} reply not sent", "other": "{count} replies not sent"},
        {"one": "{count} réponse non envoyée", "other": "{count} réponses non envoyées"},
    ),
    "net.schedule.too_soon": (
        "less than 5 minutes ahead: cm-tui publishes it when due",
        "moins de 5 minutes à l'avance : cm-tui la publie à l'heure",
    ),
    "net.cli.help.account": (
        "add, list or remove network accounts",
        "ajouter, lister ou supprimer des comptes de réseau",
    ),
    "net.cli.help.sync": (
        "fetch mentions, send replies and publish, without the dashboard",
        "relever les mentions, envoyer les réponses et publier, sans le tableau de bord",
    ),
    "net.cli.help.add": (
        "add an account (the token is asked for)",
        "ajouter un compte (le jeton est demandé)",
    ),
    "net.cli.help.instance": (
        "the instance, e.g. https://mastodon.social",
        "l'instance, par ex. https://mastodon.social",
    ),
    "net.cli.help.brand": (
        "the brand handle this account acts as",
        "le compte de marque au nom duquel il agit",
    ),
    "net.cli.help.list": ("the accounts and their state", "les comptes et leur état"),
    "net.cli.help.remove": ("forget an account and its token", "oublier un compte et son jeton"),
    "net.cli.help.once": ("one pass, then exit", "un seul passage, puis quitter"),
    "net.cli.token_prompt": (
        "Access token (Preferences > Development on the instance; Enter to sign in with "
        "the browser instead): ",
        "Jeton d'accès (Préférences > Développement sur l'instance ; entrée pour vous "
        "connecter plutôt dans le navigateur) : ",
    ),
    "net.cli.oauth_open": (
        "Open this address, sign in and allow cm-tui, then paste the code it shows:\n{url}",
        "Ouvrez cette adresse, connectez-vous et autorisez cm-tui, puis collez le code "
        "affiché :\n{url}",
    ),
    "net.cli.code_prompt": ("Code: ", "Code : "),
    "net.cli.none": (
        "No account yet: cm-tui account add mastodon --instance URL",
        "Aucun compte : cm-tui account add mastodon --instance URL",
    ),
    "net.cli.unknown": (
        "No account {account}; see cm-tui account list",
        "Aucun compte {account} ; voir cm-tui account list",
    ),
    "net.cli.removed": (
        "Removed {account} and its token",
        "{account} et son jeton ont été supprimés",
    ),
    "net.cli.no_token": (
        "No token or code given; paste the access token, or the code the instance showed",
        "Aucun jeton ni code ; collez le jeton d'accès, ou le code affiché par l'instance",
    ),
    "net.cli.bad_instance": (
        "{url} is not an instance address; give https://host",
        "{url} n'est pas l'adresse d'une instance ; donnez https://hôte",
    ),
    "net.cli.add_failed": (
        "The account was not added: {detail}; check the instance and the token",
        "Le compte n'a pas été ajouté : {detail} ; vérifiez l'instance et le jeton",
    ),
    "net.cli.added": ("Added {account}", "{account} ajouté"),
    "net.cli.pass": (
        "new: {new}, sent: {sent}, not sent: {unsent}",
        "nouveaux : {new}, envoyés : {sent}, non envoyés : {unsent}",
    ),
}
