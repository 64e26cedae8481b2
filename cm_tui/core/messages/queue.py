"""Messages of the Queue tab (issue 5): triage keys, modals, filters, alerts and import."""

from __future__ import annotations

from cm_tui.core.i18n import Messages

MESSAGES: Messages = {
    # keys (binding descriptions)
    "queue.key.reply": ("Reply", "Répondre"),
    "queue.key.done": ("Replied (no text)", "Répondu (sans texte)"),
    "queue.key.ignore": ("Ignore / spam", "Ignorer / spam"),
    "queue.key.escalate": ("Escalate", "Transmettre"),
    "queue.key.snooze": ("Snooze", "Reporter"),
    "queue.key.mark": ("Mark", "Marquer"),
    "queue.key.bulk_done": ("Marked: replied", "Marqués : répondu"),
    "queue.key.bulk_ignore": ("Marked: ignore", "Marqués : ignorer"),
    "queue.key.undo": ("Undo", "Défaire"),
    "queue.key.redo": ("Redo", "Refaire"),
    "queue.key.detail": ("Detail", "Détail"),
    "queue.key.search": ("Search", "Chercher"),
    "queue.key.network": ("Filter: network", "Filtre : réseau"),
    "queue.key.kind": ("Filter: kind", "Filtre : type"),
    "queue.key.status": ("Filter: status", "Filtre : statut"),
    "queue.key.ambassadors": ("Filter: ambassadors", "Filtre : ambassadeurs"),
    "queue.key.keywords": ("Filter: keywords", "Filtre : mots-clés"),
    "queue.key.clear": ("Clear filters", "Effacer les filtres"),
    "queue.key.send": ("Save reply", "Enregistrer la réponse"),
    "queue.key.cancel": ("Cancel", "Annuler"),
    "queue.key.close": ("Close", "Fermer"),
    "queue.key.templates": ("Saved replies", "Réponses enregistrées"),
    "queue.key.watch": ("Watch keywords", "Mots-clés surveillés"),
    "queue.key.save_list": ("Save", "Enregistrer"),
    "queue.key.import": ("Import a file", "Importer un fichier"),
    "queue.import.title": (
        "Import a file: queue items or a platform's export",
        "Importer un fichier : éléments de la file ou export d'une plateforme",
    ),
    "queue.import.placeholder": (
        "path of a file (CSV, JSON, JSONL, Mastodon) or of a platform's export",
        "chemin d'un fichier (CSV, JSON, JSONL, Mastodon) ou d'un export",
    ),
    "queue.import.hint": (
        "comments and messages go to the queue, a platform's export to the month figures "
        "(Stats), recognised by its content; all or nothing; what is already there is "
        "skipped · enter imports · esc cancels",
        "les commentaires et messages vont dans la file, l'export d'une plateforme dans les "
        "chiffres du mois (Stats), reconnu à son contenu ; tout ou rien ; ce qui y est déjà "
        "est ignoré · entrée importe · échap annule",
    ),
    "queue.import.replace_ask": (
        "Replace figures typed by hand with those of {file}?\n{months}\n"
        "y replaces them · n or esc keeps them",
        "Remplacer des chiffres saisis par ceux de {file} ?\n{months}\n"
        "y les remplace · n ou échap les garde",
    ),
    "queue.import.replace_month": (
        "{network}, {month}: {figures}",
        "{network}, {month} : {figures}",
    ),
    "queue.import.kept": ("kept as typed: {figures}", "gardés tels que saisis : {figures}"),
    "queue.import.kept_inbox": (
        "kept as typed: {figures} (import processed/{name} again from the Queue tab to replace "
        "them)",
        "gardés tels que saisis : {figures} (importez à nouveau processed/{name} depuis l'onglet "
        "File pour les remplacer)",
    ),
    "queue.inbox.failed": (
        "Inbox: {name} was rejected (see failed/{name}.reason.txt)",
        "Boîte de dépôt : {name} refusé (voir failed/{name}.reason.txt)",
    ),
    "queue.inbox.not_saved": ("the store could not be written", "la base n'a pas pu être écrite"),
    "queue.import.started": ("Importing {path}…", "Import de {path}…"),
    "queue.import.busy": (
        "An import is already running: wait for it to finish",
        "Un import est déjà en cours : attendez qu'il se termine",
    ),
    "queue.import.partial": (
        {
            "one": "{path}: only {saved} of {count} item was saved; import the file again to add "
            "the rest",
            "other": "{path}: only {saved} of {count} items were saved; import the file again to "
            "add the rest",
        },
        "{path} : éléments enregistrés : {saved} sur {count} seulement ; importez à nouveau le "
        "fichier pour ajouter les autres",
    ),
    "queue.templates.title": ("Saved replies", "Réponses enregistrées"),
    "queue.templates.hint": (
        "one per line: Name | text ({author}: the author's name, {first_name}: the first name) "
        "· ctrl+s saves · esc cancels",
        "une par ligne : Nom | texte ({author} : le nom de l'auteur, {first_name} : le prénom) "
        "· ctrl+s enregistre · échap annule",
    ),
    "queue.templates.saved": (
        {"one": "{count} saved reply", "other": "{count} saved replies"},
        {"one": "{count} réponse enregistrée", "other": "{count} réponses enregistrées"},
    ),
    "queue.watch.title": ("Watch keywords", "Mots-clés surveillés"),
    "queue.watch.hint": (
        "one per line: term, or kind: term (brand, product, competitor, topic) · ctrl+s saves",
        "un par ligne : terme, ou type : terme (brand, product, competitor, topic) · ctrl+s "
        "enregistre",
    ),
    "queue.watch.saved": (
        {
            "one": "{count} keyword; open items re-flagged: {changed}",
            "other": "{count} keywords; open items re-flagged: {changed}",
        },
        {
            "one": "{count} mot-clé ; éléments ouverts re-marqués : {changed}",
            "other": "{count} mots-clés ; éléments ouverts re-marqués : {changed}",
        },
    ),
    # triage feedback
    "queue.done.replied": ("Marked replied: {count}", "Marqués répondus : {count}"),
    "queue.done.ignored": ("Ignored: {count}", "Ignorés : {count}"),
    "queue.done.escalated": ("Escalated", "Transmis"),
    "queue.done.snoozed": ("Snoozed until {at}", "Reporté jusqu'à {at}"),
    "queue.done.reopened": ("Reopened: {who}", "Rouvert : {who}"),
    "queue.done.reply_copied": (
        "Reply saved and copied to the clipboard",
        "Réponse enregistrée et copiée dans le presse-papiers",
    ),
    "queue.nothing_marked": (
        "Nothing marked: press space on items first",
        "Rien de marqué : touche espace sur des éléments d'abord",
    ),
    "queue.marked": ("{count} marked", {"one": "{count} marqué", "other": "{count} marqués"}),
    # modals
    "queue.reply.title": ("Reply to {who}", "Répondre à {who}"),
    "queue.reply.templates": ("Saved replies", "Réponses enregistrées"),
    "queue.reply.text": ("Your reply", "Votre réponse"),
    "queue.reply.hint": (
        "↓/↑ or tab: saved replies · ctrl+s saves and copies · esc cancels",
        "↓/↑ ou tab : réponses enregistrées · ctrl+s enregistre et copie · échap annule",
    ),
    "queue.reply.empty": ("The reply is empty", "La réponse est vide"),
    "queue.escalate.title": ("Escalate: note for the colleague", "Transmettre : note au collègue"),
    "queue.escalate.placeholder": ("why, to whom…", "pourquoi, à qui…"),
    "queue.snooze.title": ("Snooze until…", "Reporter jusqu'à…"),
    "queue.snooze.15m": ("in 15 minutes", "dans 15 minutes"),
    "queue.snooze.1h": ("in 1 hour", "dans 1 heure"),
    "queue.snooze.morning": ("tomorrow morning", "demain matin"),
    "queue.snooze.note": (
        "The deadline stays where it is.",
        "L'échéance ne bouge pas.",
    ),
    "queue.detail.notes": ("Notes", "Notes"),
    "queue.detail.reply": ("Reply", "Réponse"),
    "queue.detail.history": ("History", "Historique"),
    # saved replies shipped by default ({author} is filled in)
    "queue.template.thanks.name": ("Thanks", "Merci"),
    "queue.template.thanks.text": (
        "Thank you {author}! We are glad you like it.",
        "Merci {author} ! Nous sommes ravis que cela vous plaise.",
    ),
    "queue.template.dm.name": ("Move to private messages", "Passer en message privé"),
    "queue.template.dm.text": (
        "Hello {first_name}, we are sorry about this. Could you send us a private message with "
        "the details so we can look into it?",
        "Bonjour {first_name}, nous sommes désolés. Pouvez-vous nous écrire en message privé "
        "avec les détails pour que nous regardions cela ?",
    ),
    "queue.template.later.name": ("Checking", "On vérifie"),
    "queue.template.later.text": (
        "Thanks {first_name}, we are checking and will come back to you within the day.",
        "Merci {first_name}, nous vérifions et revenons vers vous dans la journée.",
    ),
    # filters
    "queue.filter.label": ("Filter: {what}", "Filtre : {what}"),
    "queue.filter.text": ("“{text}”", "« {text} »"),
    "queue.filter.ambassadors": ("ambassadors", "ambassadeurs"),
    "queue.filter.keywords": ("keyword matches", "mots-clés trouvés"),
    "queue.filter.shown": ("{shown} of {total}", "{shown} sur {total}"),
    "queue.filter.placeholder": ("search text and authors", "chercher dans textes et auteurs"),
    "queue.filter.no_closed": (
        "Nothing closed today matches the filter (esc clears it).",
        "Rien de clos aujourd'hui ne correspond au filtre (échap l'efface).",
    ),
    # alerts
    "queue.alert.due15": (
        "15 minutes left: {author} on {network}",
        "Plus que 15 minutes : {author} sur {network}",
    ),
    "queue.alert.overdue": (
        "Overdue: {author} on {network}",
        "En retard : {author} sur {network}",
    ),
    "queue.alert.many": (
        {
            "one": "{count} item entered its last 15 minutes, {overdue} became overdue",
            "other": "{count} items entered their last 15 minutes, {overdue} became overdue",
        },
        {
            "one": "{count} élément dans ses 15 dernières minutes, {overdue} en retard",
            "other": "{count} éléments dans leurs 15 dernières minutes, {overdue} en retard",
        },
    ),
    # import
    "queue.import.done": (
        {
            "one": "Imported {count} item from {path} ({skipped} already there)",
            "other": "Imported {count} items from {path} ({skipped} already there)",
        },
        {
            "one": "{count} élément importé depuis {path} (déjà présents : {skipped})",
            "other": "{count} éléments importés depuis {path} (déjà présents : {skipped})",
        },
    ),
    "queue.import.dry_run": (
        {
            "one": "Dry run: {count} item would be imported from {path} ({skipped} already there)",
            "other": "Dry run: {count} items would be imported from {path} ({skipped} already "
            "there)",
        },
        {
            "one": "Essai : {count} élément serait importé depuis {path} (déjà présents : "
            "{skipped})",
            "other": "Essai : {count} éléments seraient importés depuis {path} (déjà présents : "
            "{skipped})",
        },
    ),
    "queue.import.err.no_header": (
        "no recognised column for {field} (columns: {columns})",
        "aucune colonne reconnue pour {field} (colonnes : {columns})",
    ),
    "queue.import.err.more_columns": (
        " and {count} more",
        {"one": " et {count} autre", "other": " et {count} autres"},
    ),
    "queue.import.err.map_hint": (
        "; name its column with --column {field}=HEADER, or once for every file in the "
        'settings: [import.columns] {field} = "HEADER"',
        " ; indiquez sa colonne avec --column {field}=EN-TÊTE, ou une fois pour tous les "
        'fichiers dans les réglages : [import.columns] {field} = "EN-TÊTE"',
    ),
    "queue.import.err.map_hint_app": (
        "; name its column for every file in the settings file: [import.columns] {field} = "
        '"HEADER", or rename that column in the file; then import it again',
        " ; indiquez sa colonne pour tous les fichiers dans le fichier des réglages : "
        '[import.columns] {field} = "EN-TÊTE", ou renommez cette colonne dans le fichier ; '
        "puis importez-le à nouveau",
    ),
    "queue.import.err.no_column": (
        "no column “{column}” for {field} (given by --column; columns: {columns})",
        "pas de colonne « {column} » pour {field} (indiquée par --column ; colonnes : {columns})",
    ),
    "queue.import.err.column_option": (
        "--column “{value}”: write FIELD=HEADER, where FIELD is one of: {fields}",
        "--column « {value} » : écrivez CHAMP=EN-TÊTE, où CHAMP est l'un de : {fields}",
    ),
    "queue.import.err.column_table": (
        "--column applies to the queue import only (--table queue)",
        "--column ne s'applique qu'à l'import de la file (--table queue)",
    ),
    "queue.import.err.column_csv_only": (
        "--column applies to CSV files only (JSON keys are fixed)",
        "--column ne s'applique qu'aux fichiers CSV (les clés JSON sont fixes)",
    ),
    "queue.import.help.column": (
        "the CSV column holding FIELD (repeatable; overrides [import.columns] in the settings)",
        "la colonne CSV qui contient CHAMP (répétable ; remplace [import.columns] des réglages)",
    ),
    "queue.import.err.missing": ("{field} is missing", "{field} manque"),
    "queue.import.err.date": ("“{value}” is not a date and time", "« {value} » n'est pas une date"),
    "queue.import.err.kind": (
        "“{value}” is not a kind (comment, message, mention, review)",
        "« {value} » n'est pas un type (comment, message, mention, review)",
    ),
    "queue.import.err.bool": ("“{value}” is not yes/no", "« {value} » n'est pas oui/non"),
    "queue.import.err.object": ("not a JSON object", "pas un objet JSON"),
    "queue.import.err.format": (
        "cannot tell the format: use --format",
        "format non reconnu : utilisez --format",
    ),
    "queue.import.err.tz": (
        "--tz: unknown time zone “{value}”; use an IANA name such as Europe/Paris",
        "--tz : fuseau horaire inconnu « {value} » ; utilisez un nom IANA comme Europe/Paris",
    ),
    "queue.import.help": (
        "import comments, messages, mentions into the queue (or posts: --table posts)",
        "importer commentaires, messages, mentions dans la file (ou posts : --table posts)",
    ),
    "queue.import.help.file": ("the file to import", "le fichier à importer"),
    "queue.import.help.format": (
        "file format (default: auto)",
        "format du fichier (défaut : auto)",
    ),
    "queue.import.help.network": (
        "network of rows that do not say",
        "réseau des lignes qui ne le précisent pas",
    ),
    "queue.import.help.tz": (
        "time zone of times without an offset (default: the settings')",
        "fuseau des heures sans décalage (défaut : celui des réglages)",
    ),
    "queue.import.help.dry_run": (
        "check and count, write nothing",
        "vérifier et compter, sans rien écrire",
    ),
    "queue.import.help.table": (
        "what the file holds: queue items (default), posts, monthly stats or competitors",
        "contenu du fichier : file de réponses (défaut), publications, statistiques mensuelles"
        " ou concurrents",
    ),
}
