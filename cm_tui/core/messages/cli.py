"""Messages of the command line, the settings file and the benchmark helpers (area ``cli``)."""

from cm_tui.core.i18n import Messages

MESSAGES: Messages = {
    "cli.error.import_source": (
        "cannot import {path}: {reason}",
        "impossible d'importer {path} : {reason}",
    ),
    # ------------------------------------------------------------------ settings file
    "cli.settings.error_value": (
        '{source}: "{key}" = {value} {detail}',
        '{source} : "{key}" = {value} {detail}',
    ),
    "cli.settings.error_key": ('{source}: "{key}" {detail}', '{source} : "{key}" {detail}'),
    "cli.settings.syntax": (
        "{source}: line {line}: not valid TOML ({reason}); fix the line or delete the file "
        "to get the defaults back",
        "{source} : ligne {line} : TOML invalide ({reason}) ; corrigez la ligne ou supprimez "
        "le fichier pour revenir aux valeurs par défaut",
    ),
    "cli.settings.end_of_file": ("end of file", "fin du fichier"),
    "cli.settings.encoding": (
        "{source}: the file is not UTF-8 text; save it as UTF-8",
        "{source} : le fichier n'est pas du texte UTF-8 ; enregistrez-le en UTF-8",
    ),
    "cli.settings.unreadable": (
        "{source}: cannot read the settings file ({reason})",
        "{source} : impossible de lire le fichier de réglages ({reason})",
    ),
    "cli.settings.unknown_key": (
        "is not a known setting here; known: {known}",
        "n'est pas un réglage connu ici ; réglages connus : {known}",
    ),
    "cli.settings.not_table": (
        "must be a table (a [section])",
        "doit être une table (une [section])",
    ),
    "cli.settings.timezone": (
        'is not a known time zone; use an IANA name such as "Europe/Paris"',
        'n\'est pas un fuseau horaire connu ; utilisez un nom IANA comme "Europe/Paris"',
    ),
    "cli.settings.language": (
        "is not a supported language; use one of: {known}",
        "n'est pas une langue prise en charge ; choisissez parmi : {known}",
    ),
    "cli.settings.boolean": (
        "is not a boolean; write true or false",
        "n'est pas un booléen ; écrivez true ou false",
    ),
    "cli.settings.number": (
        "is not a whole number from {low} to {high}",
        "n'est pas un nombre entier de {low} à {high}",
    ),
    "cli.settings.too_deep": (
        {
            "one": "{source}: tables or lists are nested more than {count} level deep, which no "
            "setting needs; fix the file or delete it to get the defaults back",
            "other": "{source}: tables or lists are nested more than {count} levels deep, which "
            "no setting needs; fix the file or delete it to get the defaults back",
        },
        {
            "one": "{source} : des tables ou des listes sont imbriquées sur plus de {count} "
            "niveau, ce qu'aucun réglage ne demande ; corrigez le fichier ou supprimez-le pour "
            "revenir aux valeurs par défaut",
            "other": "{source} : des tables ou des listes sont imbriquées sur plus de {count} "
            "niveaux, ce qu'aucun réglage ne demande ; corrigez le fichier ou supprimez-le pour "
            "revenir aux valeurs par défaut",
        },
    ),
    "cli.settings.time": (
        'is not a time; write "HH:MM" on 24 hours, e.g. "09:00"',
        'n\'est pas une heure ; écrivez "HH:MM" sur 24 heures, par exemple "09:00"',
    ),
    "cli.settings.start_before_end": (
        'must be later than workday.start ("{start}")',
        'doit être après workday.start ("{start}")',
    ),
    "cli.settings.workdays": (
        "is not a list of ISO weekdays; write each day once, from 1 (Monday) to 7 (Sunday), "
        "e.g. [1, 2, 3, 4, 5]",
        "n'est pas une liste de jours ISO ; écrivez chaque jour une fois, de 1 (lundi) à "
        "7 (dimanche), par exemple [1, 2, 3, 4, 5]",
    ),
    "cli.settings.network": (
        "is not a known network; use one of: {known}",
        "n'est pas un réseau connu ; choisissez parmi : {known}",
    ),
    "cli.settings.list": (
        'is not a list; write e.g. ["facebook", "x"]',
        'n\'est pas une liste ; écrivez par exemple ["facebook", "x"]',
    ),
    "cli.settings.deadline_rule": (
        "is not a kind, a network or kind@network; kinds: {kinds}; networks: {networks}",
        "n'est ni un type, ni un réseau, ni type@réseau ; types : {kinds} ; réseaux : {networks}",
    ),
    "cli.settings.currency": (
        'is not a currency code; use the three capital letters of ISO 4217, such as "EUR", '
        '"USD", "CAD" or "CHF"',
        "n'est pas un code de devise ; utilisez les trois majuscules de l'ISO 4217, comme "
        '"EUR", "USD", "CAD" ou "CHF"',
    ),
    "cli.settings.period": (
        "is not a period; use one of: {known}",
        "n'est pas une période ; choisissez parmi : {known}",
    ),
    "cli.settings.min_above_max": (
        "is above target_max ({high})",
        "est supérieur à target_max ({high})",
    ),
    "cli.settings.binding_id": (
        "is not a binding id (letters, digits, _ . - only)",
        "n'est pas un identifiant de raccourci (lettres, chiffres, _ . - uniquement)",
    ),
    "cli.settings.unknown_binding": (
        "is not a key binding of cm-tui; the help screen (?) shows each key's binding id",
        "n'est pas un raccourci de cm-tui ; l'écran d'aide (?) montre l'identifiant de chaque "
        "raccourci",
    ),
    "cli.settings.key_conflict": (
        "puts {pressed} on both {first} and {second}, which answer keys on the same screen; "
        "give one of them another key",
        "met {pressed} à la fois sur {first} et {second}, actifs sur le même écran ; "
        "donnez une autre touche à l'un des deux",
    ),
    "cli.settings.key": (
        'is not a key name; write e.g. "r", "ctrl+r" or "f5"',
        'n\'est pas un nom de touche ; écrivez par exemple "r", "ctrl+r" ou "f5"',
    ),
    "cli.settings.date": (
        "is not a date; write YYYY-MM-DD, e.g. 2026-11-02",
        "n'est pas une date ; écrivez AAAA-MM-JJ, par exemple 2026-11-02",
    ),
    "cli.settings.date_range": (
        "is not a date from {first} to {last}",
        "n'est pas une date du {first} au {last}",
    ),
    "cli.settings.path": (
        {
            "one": "is not a folder path (at most {count} character)",
            "other": "is not a folder path (at most {count} characters)",
        },
        {
            "one": "n'est pas un chemin de dossier (au plus {count} caractère)",
            "other": "n'est pas un chemin de dossier (au plus {count} caractères)",
        },
    ),
    "cli.settings.import_field": (
        "is not a field to import; fields: {known}",
        "n'est pas un champ importable ; champs : {known}",
    ),
    "cli.settings.import_column": (
        {
            "one": "is not a column name; write the header as it appears in the file (at most "
            '{count} character), e.g. "Nom du fan"',
            "other": "is not a column name; write the header as it appears in the file (at most "
            '{count} characters), e.g. "Nom du fan"',
        },
        {
            "one": "n'est pas un nom de colonne ; écrivez l'en-tête tel qu'il figure dans le "
            'fichier (au plus {count} caractère), par exemple "Nom du fan"',
            "other": "n'est pas un nom de colonne ; écrivez l'en-tête tel qu'il figure dans le "
            'fichier (au plus {count} caractères), par exemple "Nom du fan"',
        },
    ),
    # ------------------------------------------------------------------ argparse help
    "cli.help.description": (
        "A keyboard-driven terminal dashboard for community managers: today's tasks, the "
        "editorial calendar, the response queue and monthly stats. Without a command, opens "
        "the app on your store.",
        "Un tableau de bord clavier pour community managers, dans le terminal : tâches du jour, "
        "calendrier éditorial, file des réponses et statistiques mensuelles. Sans commande, "
        "ouvre l'application sur vos données.",
    ),
    "cli.help.epilog": (
        "Exit codes: 0 ok, 1 store or file error, 2 bad command line or settings. "
        "Data locations: cm-tui where.",
        "Codes de sortie : 0 ok, 1 erreur de stockage ou de fichier, 2 ligne de commande ou "
        "réglages invalides. Emplacement des données : cm-tui where.",
    ),
    "cli.help.db": (
        "the store file to use (default: see `cm-tui where`)",
        "le fichier de données à utiliser (par défaut : voir `cm-tui where`)",
    ),
    "cli.help.demo": (
        "use the demo store (a generated year of sample data, refreshed each day)",
        "utiliser le magasin de démonstration (une année de données générées, rafraîchie "
        "chaque jour)",
    ),
    "cli.help.lang": (
        "language of the interface (default: settings file, then the locale)",
        "langue de l'interface (par défaut : fichier de réglages, puis la locale)",
    ),
    "cli.help.now": (
        "freeze the clock at this ISO-8601 instant, e.g. 2026-11-19T09:12:00+01:00 "
        "(demos, reproducible screenshots)",
        "figer l'horloge à cet instant ISO-8601, par exemple 2026-11-19T09:12:00+01:00 "
        "(démonstrations, captures reproductibles)",
    ),
    "cli.help.commands": ("commands", "commandes"),
    "cli.help.where": (
        "print where the store, settings, backups, archive and inbox live",
        "afficher l'emplacement des données, réglages, sauvegardes, archives et boîte d'import",
    ),
    "cli.help.demo_cmd": (
        "generate a demo store (never overwrites an existing store without --force)",
        "générer des données de démonstration (n'écrase jamais un magasin existant sans --force)",
    ),
    "cli.help.size": (
        "small: a few weeks; year: a year on 4 networks; stress: 10,000 open and 100,000 "
        "archived queue items",
        "small : quelques semaines ; year : une année sur 4 réseaux ; stress : 10 000 messages "
        "ouverts et 100 000 archivés",
    ),
    "cli.help.force": (
        "replace an existing store (its backups are kept)",
        "remplacer un magasin existant (ses sauvegardes sont conservées)",
    ),
    "cli.help.seed": ("random seed of the generator", "graine aléatoire du générateur"),
    "cli.help.check": (
        "check the store's integrity (works while the app is open)",
        "vérifier l'intégrité des données (fonctionne pendant que l'application est ouverte)",
    ),
    "cli.help.restore": (
        "restore the store from a backup (the app must be closed)",
        "restaurer les données depuis une sauvegarde (l'application doit être fermée)",
    ),
    "cli.help.backup": (
        "the backup file to restore (default: the newest)",
        "la sauvegarde à restaurer (par défaut : la plus récente)",
    ),
    "cli.help.restore_yes": (
        "restore without asking (for scripts; in a terminal, restore asks first)",
        "restaurer sans demander (pour les scripts ; dans un terminal, restore demande d'abord)",
    ),
    "cli.help.export": (
        "export the whole store (works while the app is open)",
        "exporter toutes les données (fonctionne pendant que l'application est ouverte)",
    ),
    "cli.help.format": ("output format", "format de sortie"),
    "cli.help.out": (
        "output file, or - for standard output",
        "fichier de sortie, ou - pour la sortie standard",
    ),
    "cli.help.table": (
        "export only this table (repeatable)",
        "n'exporter que cette table (répétable)",
    ),
    "cli.help.screenshots": (
        "write an SVG of each tab, from demo data at a fixed time",
        "écrire une image SVG de chaque onglet, à partir des données de démonstration à une "
        "heure fixe",
    ),
    "cli.help.out_dir": ("output folder", "dossier de sortie"),
    # ------------------------------------------------------------------ where
    "cli.where.store": ("store", "données"),
    "cli.where.demo": ("demo store", "démo"),
    "cli.where.config": ("settings", "réglages"),
    "cli.where.backups": ("backups", "sauvegardes"),
    "cli.where.archive": ("archive", "archives"),
    "cli.where.inbox": ("inbox", "boîte d'import"),
    # ------------------------------------------------------------------ results
    "cli.demo.written": (
        "demo store ({size}) written to {path}",
        "données de démonstration ({size}) écrites dans {path}",
    ),
    "cli.restore.done": ("store restored from {backup}", "données restaurées depuis {backup}"),
    "cli.restore.about": (
        "restore replaces {db} (last changed {changed}) with the backup {backup} (written "
        "{written}); the replaced file is moved aside, not deleted",
        "la restauration remplace {db} (modifié le {changed}) par la sauvegarde {backup} "
        "(écrite le {written}) ; le fichier remplacé est mis de côté, pas supprimé",
    ),
    "cli.restore.question": ("Restore? [y/N]", "Restaurer ? [o/N]"),
    "cli.restore.cancelled": (
        "restore cancelled: nothing was changed",
        "restauration annulée : rien n'a été modifié",
    ),
    "cli.restore.needs_yes": (
        "{about}; there is no terminal to ask in: add --yes to restore",
        "{about} ; pas de terminal pour demander : ajoutez --yes pour restaurer",
    ),
    "cli.export.done": (
        {"one": "exported {count} record to {path}", "other": "exported {count} records to {path}"},
        {
            "one": "{count} enregistrement exporté dans {path}",
            "other": "{count} enregistrements exportés dans {path}",
        },
    ),
    "cli.screenshots.done": (
        {
            "one": "wrote {count} screenshot to {path}",
            "other": "wrote {count} screenshots to {path}",
        },
        {
            "one": "{count} capture écrite dans {path}",
            "other": "{count} captures écrites dans {path}",
        },
    ),
    # ------------------------------------------------------------------ errors (one line each)
    "cli.error.prefix": ("cm-tui: error: {message}", "cm-tui : erreur : {message}"),
    "cli.warning.prefix": (
        "cm-tui: warning: {message}",
        "cm-tui : avertissement : {message}",
    ),
    "cli.error.bad_now": (
        '--now: "{value}" is not an ISO-8601 instant; write e.g. 2026-11-19T09:12:00+01:00 '
        "(without an offset, the settings' time zone is used)",
        '--now : "{value}" n\'est pas un instant ISO-8601 ; écrivez par exemple '
        "2026-11-19T09:12:00+01:00 (sans décalage, le fuseau des réglages est utilisé)",
    ),
    "cli.error.now_range": (
        '--now: "{value}" is outside the instants cm-tui supports; give one from {first} to '
        "{last} UTC (without an offset, --now is read in {zone})",
        '--now : "{value}" est hors des instants que cm-tui prend en charge ; donnez-en un du '
        "{first} au {last} UTC (sans décalage, --now est lu dans le fuseau {zone})",
    ),
    "cli.error.app_died": (
        "the app stopped on an unexpected error (shown above); please report it",
        "l'application s'est arrêtée sur une erreur inattendue (ci-dessus) ; merci de la signaler",
    ),
    "cli.error.not_regular_file": (
        "not a regular file: {path} (a folder, a pipe or a device); give the path of a file",
        "pas un fichier ordinaire : {path} (un dossier, un tube ou un périphérique) ; donnez "
        "le chemin d'un fichier",
    ),
    "cli.error.demo_exists": (
        "a store already exists at {path}; add --force to replace it, or choose another --db",
        "des données existent déjà dans {path} ; ajoutez --force pour les remplacer, ou "
        "choisissez un autre --db",
    ),
    "cli.error.no_store": (
        "no store at {path}; run `{command}` once to create it, or pass --db",
        "aucune donnée dans {path} ; lancez `{command}` une fois pour les créer, ou passez --db",
    ),
    "cli.error.locked_write": (
        "{db} is open in {holder} (pid {pid} on {host}): `cm-tui {command}` writes to "
        "the store, so close that app first, then run the command again",
        "{db} est ouvert dans {holder} (pid {pid} sur {host}) : `cm-tui {command}` "
        "modifie les données, fermez donc d'abord cette application, puis relancez la commande",
    ),
    "cli.error.locked_write_busy": (
        "{db} is in use by {holder} (pid {pid} on {host}): `cm-tui {command}` writes to "
        "the store, so wait until that one has finished, then run the command again",
        "{db} est utilisé par {holder} (pid {pid} sur {host}) : `cm-tui {command}` "
        "modifie les données, attendez donc que celui-ci ait fini, puis relancez la commande",
    ),
    "cli.error.unknown_table": (
        'unknown table "{table}"; tables: {known}',
        'table inconnue "{table}" ; tables : {known}',
    ),
    "cli.error.out_unwritable": (
        "cannot write {path} ({reason}): give --out a file in a folder you can write to, "
        "or - for standard output",
        "impossible d'écrire {path} ({reason}) : donnez à --out un fichier dans un dossier "
        "où vous pouvez écrire, ou - pour la sortie standard",
    ),
    "cli.error.out_no_room": (
        "cannot write {path} ({reason}): free some space there, or give --out another "
        "place (- for standard output)",
        "impossible d'écrire {path} ({reason}) : libérez de la place, ou donnez à --out "
        "un autre emplacement (- pour la sortie standard)",
    ),
    "cli.error.missing_file": ("file not found: {path}", "fichier introuvable : {path}"),
    "cli.error.os": ("{path}: {reason}", "{path} : {reason}"),
    "cli.error.os_nopath": ("{reason}", "{reason}"),
    "cli.error.interrupted": ("interrupted", "interrompu"),
    "cli.error.ui_missing": (
        "the user interface is not available in this build ({reason})",
        "l'interface n'est pas disponible dans cette version ({reason})",
    ),
    "cli.error.internal": (
        "unexpected {kind}: {reason} — please report it (run with CM_TUI_DEBUG=1 for details)",
        "{kind} inattendue : {reason} — merci de la signaler (relancez avec CM_TUI_DEBUG=1 pour "
        "les détails)",
    ),
    "cli.check.missing": ("no store at {path}", "aucune donnée dans {path}"),
}
