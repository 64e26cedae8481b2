"""Messages of the import pipeline shared by every table (``io.tabular``, ``io.queue_inbox``)."""

from __future__ import annotations

from cm_tui.core.i18n import Messages

MESSAGES: Messages = {
    "imports.line": ("line {where}: {reason}", "ligne {where} : {reason}"),
    "imports.element": ("element {where}: {reason}", "élément {where} : {reason}"),
    "imports.rejected": (
        {
            "one": "{path}: rejected, nothing imported ({count} problem)",
            "other": "{path}: rejected, nothing imported ({count} problems)",
        },
        {
            "one": "{path} : refusé, rien n'est importé ({count} problème)",
            "other": "{path} : refusé, rien n'est importé ({count} problèmes)",
        },
    ),
    "imports.rejected_one": ("{name}: rejected: {reason}", "{name} : refusé : {reason}"),
    "imports.err.internal": (
        "could not be read ({kind}: {reason}); please report it",
        "illisible ({kind} : {reason}) ; merci de le signaler",
    ),
    "imports.more": ("… and {count} more", "… et {count} de plus"),
    "imports.reused": (
        {
            "one": "{count} row reuses an id with different content: imported as a new item",
            "other": "{count} rows reuse an id with different content: imported as new items",
        },
        {
            "one": "{count} ligne reprend un identifiant avec un autre contenu : importée comme "
            "nouvel élément",
            "other": "{count} lignes reprennent un identifiant avec un autre contenu : importées "
            "comme nouveaux éléments",
        },
    ),
    "imports.reused_dry": (
        {
            "one": "{count} row reuses an id with different content: it would be imported as a "
            "new item",
            "other": "{count} rows reuse an id with different content: they would be imported as "
            "new items",
        },
        {
            "one": "{count} ligne reprend un identifiant avec un autre contenu : elle serait "
            "importée comme nouvel élément",
            "other": "{count} lignes reprennent un identifiant avec un autre contenu : elles "
            "seraient importées comme nouveaux éléments",
        },
    ),
    "imports.err.missing": ("no such file", "fichier introuvable"),
    "imports.err.symlink": (
        "a symbolic link: not followed; drop the file itself",
        "un lien symbolique : non suivi ; déposez le fichier lui-même",
    ),
    "imports.err.not_regular": (
        "not a regular file (a folder, a pipe or a device)",
        "pas un fichier ordinaire (un dossier, un tube ou un périphérique)",
    ),
    "imports.err.too_big": (
        "{size} MB, above the inbox limit of {limit} MB ([import] inbox_max_mb): import it with "
        "cm-tui import FILE",
        "{size} Mo, au-delà de la limite de la boîte de dépôt ({limit} Mo, [import] "
        "inbox_max_mb) : importez-le avec cm-tui import FICHIER",
    ),
    "imports.err.deep": ("nested too deeply", "imbrication trop profonde"),
    "imports.err.range": ("a value is out of range", "une valeur est hors limites"),
    "imports.err.date_range": ("date out of range", "date hors limites"),
    "imports.err.text": ("text that cannot be decoded", "texte indécodable"),
    "imports.err.value": ("invalid value ({reason})", "valeur invalide ({reason})"),
    "imports.err.memory": (
        "too large to read in memory: split the file",
        "trop grand pour être lu en mémoire : découpez le fichier",
    ),
    "imports.err.encoding": (
        "not UTF-8, UTF-16 or Windows-1252 text (byte {offset})",
        "ni UTF-8, ni UTF-16, ni Windows-1252 (octet {offset})",
    ),
    "imports.err.nul": ("contains a NUL byte", "contient un octet NUL"),
    "imports.err.empty": ("the file is empty", "le fichier est vide"),
    "imports.err.ragged": (
        {
            "one": "{count} field where the header has {expected}",
            "other": "{count} fields where the header has {expected}",
        },
        {
            "one": "{count} champ alors que l'en-tête en a {expected}",
            "other": "{count} champs alors que l'en-tête en a {expected}",
        },
    ),
    "imports.err.quote": (
        "unterminated quoted field (opened on this line)",
        "champ entre guillemets non refermé (ouvert sur cette ligne)",
    ),
    "imports.err.huge": (
        {
            "one": "a field is longer than {count} character",
            "other": "a field is longer than {count} characters",
        },
        {
            "one": "un champ dépasse {count} caractère",
            "other": "un champ dépasse {count} caractères",
        },
    ),
    "imports.err.csv": ("unreadable CSV: {reason}", "CSV illisible : {reason}"),
    "imports.err.json": ("invalid JSON: {reason}", "JSON invalide : {reason}"),
    "imports.err.network": (
        "“{value}” is not a known network (known: {known})",
        "« {value} » : réseau inconnu (connus : {known})",
    ),
    "imports.err.scalar": (
        "{field} must be a text or a number, not a list or an object",
        "{field} doit être un texte ou un nombre, pas une liste ni un objet",
    ),
    "imports.changed": (
        "{name} changed while it was read: it stays in the inbox and is read again",
        "{name} a changé pendant sa lecture : il reste dans la boîte de dépôt et sera relu",
    ),
}
