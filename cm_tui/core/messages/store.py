"""Messages of the durable store: errors (one line, saying what to do) and the ``check`` report."""

from cm_tui.core.i18n import Messages

MESSAGES: Messages = {
    "store.not_a_store": (
        "{db} is not a cm-tui store; it was left as it is: give --db the path of a store, or a "
        "name that does not exist yet (a new store is created there)",
        "{db} n'est pas un magasin cm-tui ; il a été laissé tel quel : donnez à --db le chemin "
        "d'un magasin, ou un nom qui n'existe pas encore (un nouveau magasin y est créé)",
    ),
    # ------------------------------------------------------------------ errors
    "store.locked": (
        "{db} is open in {holder} (pid {pid} on {host}); close it first, "
        "or use a read-only command.",
        "{db} est ouvert dans {holder} (pid {pid} sur {host}) ; fermez-le d'abord, "
        "ou utilisez une commande en lecture seule.",
    ),
    "store.holder.app": ("the cm-tui app", "l'application cm-tui"),
    "store.holder.import": ("cm-tui import", "cm-tui import"),
    "store.holder.restore": ("cm-tui restore", "cm-tui restore"),
    "store.holder.demo": ("cm-tui demo", "cm-tui demo"),
    "store.holder.sync": ("cm-tui sync", "cm-tui sync"),
    "store.holder.sync_loop": ("cm-tui sync (running)", "cm-tui sync (en continu)"),
    "store.holder.other": ("another cm-tui", "un autre cm-tui"),
    "store.not_writable": (
        "cannot write in {folder}: {reason}; give yourself write permission on that folder "
        "(chmod u+w), or choose another store with --db",
        "impossible d'écrire dans {folder} : {reason} ; donnez-vous le droit d'écrire dans ce "
        "dossier (chmod u+w), ou choisissez d'autres données avec --db",
    ),
    "store.stray_journal_link": (
        "{link} is a link elsewhere than the journal of the store's real data file ({journal}); "
        "link both files into one folder under their usual names, or neither",
        "{link} est un lien ailleurs que vers le journal du vrai fichier de données "
        "({journal}) ; liez les deux fichiers dans un même dossier sous leurs noms habituels, "
        "ou aucun",
    ),
    "store.backup_refused": (
        "{backup} was not restored: {reason}; nothing was changed: choose another backup",
        "{backup} n'a pas été restauré : {reason} ; rien n'a été modifié : choisissez une autre "
        "sauvegarde",
    ),
    "store.corrupt.moved": (
        "{db} cannot be opened: {reason}. It was moved to {moved} (nothing was deleted); "
        "backups are in {backups}: run `{restore}` to restore the newest one.",
        "{db} ne peut pas être ouvert : {reason}. Il a été déplacé vers {moved} (rien n'a été "
        "supprimé) ; les sauvegardes sont dans {backups} : lancez `{restore}` pour "
        "restaurer la plus récente.",
    ),
    "store.corrupt.moved_no_backup": (
        "{db} cannot be opened: {reason}. It was moved to {moved} (nothing was deleted). "
        "`{restore}` has no backup to bring back yet (none in {backups}): the next start goes "
        "on without that file, and the moved copy keeps its data.",
        "{db} ne peut pas être ouvert : {reason}. Il a été déplacé vers {moved} (rien n'a été "
        "supprimé). `{restore}` n'a encore aucune sauvegarde à remettre (aucune dans "
        "{backups}) : le prochain lancement se passe de ce fichier, et la copie déplacée garde "
        "ses données.",
    ),
    "store.corrupt.kept": (
        "{db} cannot be opened: {reason}. Backups are in {backups}: "
        "run `{restore}` to restore the newest one.",
        "{db} ne peut pas être ouvert : {reason}. Les sauvegardes sont dans {backups} : "
        "lancez `{restore}` pour restaurer la plus récente.",
    ),
    "store.corrupt.kept_no_backup": (
        "{db} cannot be opened: {reason}. It was left as it is; `{restore}` has no backup to "
        "bring back yet (none in {backups}).",
        "{db} ne peut pas être ouvert : {reason}. Il a été laissé tel quel ; `{restore}` n'a "
        "encore aucune sauvegarde à remettre (aucune dans {backups}).",
    ),
    "store.schema_too_new": (
        "{db} was written by a newer cm-tui (schema {found}, this version knows up to {known}); "
        "update cm-tui to open it.",
        "{db} a été écrit par un cm-tui plus récent (schéma {found}, cette version connaît "
        "jusqu'au {known}) ; mettez cm-tui à jour pour l'ouvrir.",
    ),
    "store.write_failed": (
        "Not saved: {reason}. The change was undone; check the disk and try again.",
        "Non enregistré : {reason}. La modification a été annulée ; vérifiez le disque et "
        "réessayez.",
    ),
    "store.write_uncertain": (
        "Maybe not saved: {reason}. The file was replaced but the folder could not be synced; "
        "check the disk.",
        "Peut-être non enregistré : {reason}. Le fichier a été remplacé mais le dossier n'a pas "
        "pu être synchronisé ; vérifiez le disque.",
    ),
    "store.readonly": (
        "Not saved: the store is open read-only.",
        "Non enregistré : le magasin de données est ouvert en lecture seule.",
    ),
    "store.tx_aborted": (
        "Not saved: an earlier step of this change failed, so the whole change was undone.",
        "Non enregistré : une étape précédente de cette modification a échoué, toute la "
        "modification a été annulée.",
    ),
    "store.closed": (
        "Not saved: the store is closed.",
        "Non enregistré : le magasin de données est fermé.",
    ),
    "store.no_backup": (
        "No valid backup in {backups}; nothing was changed.",
        "Aucune sauvegarde valide dans {backups} ; rien n'a été modifié.",
    ),
    # ------------------------------------------------------------------ reasons (what is wrong)
    "store.reason.empty": ("the file is empty", "le fichier est vide"),
    "store.reason.nul": ("the file is filled with NUL bytes", "le fichier est rempli d'octets NUL"),
    "store.reason.truncated": (
        "the file is cut short (truncated)",
        "le fichier est tronqué",
    ),
    "store.reason.trailing": (
        "unexpected bytes after the data at byte {pos}",
        "octets inattendus après les données à l'octet {pos}",
    ),
    "store.reason.json": (
        "invalid JSON at byte {pos} ({detail})",
        "JSON invalide à l'octet {pos} ({detail})",
    ),
    "store.reason.duplicate": (
        "duplicate key {key} in {where}",
        "clé en double {key} dans {where}",
    ),
    "store.reason.not_object": (
        "the top level is not a JSON object",
        "le niveau supérieur n'est pas un objet JSON",
    ),
    "store.reason.bad_table": (
        "table {table} is not an object",
        "la table {table} n'est pas un objet",
    ),
    "store.reason.bad_id": (
        "table {table} has an invalid document id {id}",
        "la table {table} a un identifiant de document invalide {id}",
    ),
    "store.reason.bad_doc": (
        "document {table} #{id} is not an object",
        "le document {table} n°{id} n'est pas un objet",
    ),
    "store.reason.missing_fields": (
        "document {table} #{id} lacks {fields}",
        "il manque {fields} au document {table} n°{id}",
    ),
    "store.reason.bad_field": (
        "document {table} #{id}, field {field}: {problem}",
        "document {table} n°{id}, champ {field} : {problem}",
    ),
    "store.reason.bad_record": (
        "document {table} #{id} does not read back as a record ({problem})",
        "le document {table} n°{id} ne se relit pas comme un enregistrement ({problem})",
    ),
    "store.reason.no_meta": (
        "no schema version (_meta table)",
        "pas de version de schéma (table _meta)",
    ),
    "store.reason.migration_missing": (
        "no migration from schema {version}",
        "aucune migration depuis le schéma {version}",
    ),
    "store.reason.migration_failed": (
        "migration from schema {version} failed ({detail})",
        "la migration depuis le schéma {version} a échoué ({detail})",
    ),
    "store.reason.journal_header": (
        "the journal header is damaged",
        "l'en-tête du journal est endommagé",
    ),
    "store.reason.journal_line": (
        "journal line {line} is damaged ({detail})",
        "la ligne {line} du journal est endommagée ({detail})",
    ),
    "store.reason.journal_base": (
        "the journal continues snapshot {base} but the file holds snapshot {seq}",
        "le journal fait suite à l'instantané {base} mais le fichier contient l'instantané {seq}",
    ),
    "store.reason.journal_gap": (
        "the journal skips from change {prev} to {seq}",
        "le journal saute de la modification {prev} à {seq}",
    ),
    "store.reason.journal_orphan": (
        "a journal exists without its data file",
        "un journal existe sans son fichier de données",
    ),
    "store.reason.changing": (
        "the file kept changing while being read",
        "le fichier changeait pendant sa lecture",
    ),
    "store.reason.archive_month": (
        "archive file is for {found}, expected {month}",
        "le fichier d'archive concerne {found}, {month} attendu",
    ),
    # ------------------------------------------------------------------ a document's fields
    "store.doc.lacks": ("lacks {fields}", "il manque {fields}"),
    "store.doc.not_text": ("{value} is not text", "{value} n'est pas du texte"),
    "store.doc.not_number": ("{value} is not a number", "{value} n'est pas un nombre"),
    "store.doc.not_bool": ("{value} is not true or false", "{value} n'est ni true ni false"),
    "store.doc.not_instant": (
        "{value} is not a date and time with its UTC offset (ISO 8601)",
        "{value} n'est pas une date et heure avec son décalage UTC (ISO 8601)",
    ),
    "store.doc.not_date": (
        "{value} is not a date (YYYY-MM-DD)",
        "{value} n'est pas une date (AAAA-MM-JJ)",
    ),
    "store.doc.not_one_of": (
        "{value} is not one of {choices}",
        "{value} n'est pas l'une des valeurs {choices}",
    ),
    "store.doc.not_object": ("{value} is not an object", "{value} n'est pas un objet"),
    "store.doc.not_list": ("{value} is not a list", "{value} n'est pas une liste"),
    # ------------------------------------------------------------------ check report
    "store.check.snapshot": (
        "{db}: {docs} in {tables}, schema {schema}, change #{seq}",
        "{db} : {docs} dans {tables}, schéma {schema}, modification n°{seq}",
    ),
    "store.check.documents": (
        {"one": "{count} document", "other": "{count} documents"},
        {"one": "{count} document", "other": "{count} documents"},
    ),
    "store.check.tables": (
        {"one": "{count} table", "other": "{count} tables"},
        {"one": "{count} table", "other": "{count} tables"},
    ),
    "store.check.missing": (
        "{db}: does not exist (a new store is created on first open)",
        "{db} : n'existe pas (un nouveau magasin est créé à la première ouverture)",
    ),
    "store.check.journal": (
        {
            "one": "{journal}: {count} change since the snapshot",
            "other": "{journal}: {count} changes since the snapshot",
        },
        {
            "one": "{journal} : {count} modification depuis l'instantané",
            "other": "{journal} : {count} modifications depuis l'instantané",
        },
    ),
    "store.check.journal_torn": (
        "{journal}: last line incomplete (a write interrupted before it was confirmed); "
        "it will be dropped",
        "{journal} : dernière ligne incomplète (une écriture interrompue avant d'être "
        "confirmée) ; elle sera ignorée",
    ),
    "store.check.docs_ok": (
        {
            "one": "the {count} document reads back as a record",
            "other": "all {count} documents read back as records",
        },
        {
            "one": "le {count} document se relit comme un enregistrement",
            "other": "les {count} documents se relisent tous comme des enregistrements",
        },
    ),
    "store.check.doc_bad": (
        "{table} #{id}: {detail}",
        "{table} n°{id} : {detail}",
    ),
    "store.check.field_bad": (
        "{table} #{id}, field {field}: {problem}",
        "{table} n°{id}, champ {field} : {problem}",
    ),
    "store.check.past_twice": (
        "{table} #{id} is also in {past}: the same record is stored twice",
        "{table} n°{id} est aussi dans {past} : le même enregistrement est stocké deux fois",
    ),
    "store.check.archive": ("archive: {months}, {items}", "archive : {months}, {items}"),
    "store.check.months": (
        {"one": "{count} month", "other": "{count} months"},
        "{count} mois",
    ),
    "store.check.items": (
        {"one": "{count} item", "other": "{count} items"},
        {"one": "{count} élément", "other": "{count} éléments"},
    ),
    "store.check.archive_bad": (
        "archive {file}: {detail}",
        "archive {file} : {detail}",
    ),
    "store.check.summary_stale": (
        "archive {month}: read in full ({file} is missing or out of date; rebuilt on next use)",
        "archive {month} : lue en entier ({file} manque ou n'est plus à jour ; refait au "
        "prochain usage)",
    ),
    "store.check.backups": (
        "backups: {count} in {folder} (newest {newest})",
        "sauvegardes : {count} dans {folder} (la plus récente {newest})",
    ),
    "store.check.no_backups": (
        "backups: none yet in {folder}",
        "sauvegardes : aucune pour l'instant dans {folder}",
    ),
    "store.check.backup_bad": (
        "backup {file}: {detail}",
        "sauvegarde {file} : {detail}",
    ),
    "store.check.locked": (
        "in use by pid {pid} on {host}",
        "utilisé par le pid {pid} sur {host}",
    ),
    "store.check.text_controls": (
        "{table} #{id}, field {field}: holds control characters (terminal escape sequences) "
        "that an import would have removed; edit it",
        "{table} n°{id}, champ {field} : contient des caractères de contrôle (séquences "
        "d'échappement du terminal) qu'un import aurait retirés ; modifiez-le",
    ),
    "store.check.ok": ("OK", "OK"),
    "store.check.failed_outside": (
        "PROBLEMS FOUND outside the store: fix what the lines above name",
        "PROBLÈMES TROUVÉS hors des données : corrigez ce que nomment les lignes ci-dessus",
    ),
    "store.check.failed": (
        "PROBLEMS FOUND in the store: run `{restore}` to restore the newest good backup",
        "PROBLÈMES TROUVÉS dans les données : lancez `{restore}` pour restaurer la plus récente "
        "des sauvegardes saines",
    ),
    "store.check.failed_no_backup": (
        "PROBLEMS FOUND in the store, and there is no good backup to bring back: copy the "
        "store's folder somewhere safe, then fix what the lines above name",
        "PROBLÈMES TROUVÉS dans les données, et aucune sauvegarde saine à remettre : copiez le "
        "dossier des données en lieu sûr, puis corrigez ce que nomment les lignes ci-dessus",
    ),
    "store.check.failed_archive": (
        "PROBLEMS FOUND in the archive: the store's data file is fine and a restore would not "
        "repair it; move the files named above aside and keep them (an archive file holds "
        "closed items)",
        "PROBLÈMES TROUVÉS dans l'archive : le fichier de données est sain et une restauration "
        "ne la réparerait pas ; mettez de côté les fichiers nommés ci-dessus et gardez-les (un "
        "fichier d'archive contient des éléments clos)",
    ),
    "store.check.failed_backups": (
        "PROBLEMS FOUND in the backups only: the store is fine; delete or move the files named "
        "above",
        "PROBLÈMES TROUVÉS dans les sauvegardes seulement : les données sont saines ; supprimez "
        "ou déplacez les fichiers nommés ci-dessus",
    ),
}
