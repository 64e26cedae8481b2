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
    "net.unsent": (
        {"one": "{count} reply not sent", "other": "{count} replies not sent"},
        {"one": "{count} réponse non envoyée", "other": "{count} réponses non envoyées"},
    ),
    "net.schedule.too_soon": (
        "less than 5 minutes ahead: cm-tui publishes it when due",
        "moins de 5 minutes à l'avance : cm-tui la publie à l'heure",
    ),
}
