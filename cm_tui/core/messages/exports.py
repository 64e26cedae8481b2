"""Messages of the platforms' exports (``io.exports``)."""

from __future__ import annotations

from cm_tui.core.i18n import Messages

MESSAGES: Messages = {
    "exports.kind.meta_posts": (
        "a Meta Business Suite posts export (Facebook, Instagram)",
        "un export des publications de Meta Business Suite (Facebook, Instagram)",
    ),
    "exports.kind.meta_daily": (
        "a Meta daily series",
        "une série quotidienne Meta",
    ),
    "exports.kind.linkedin": (
        "a LinkedIn page analytics workbook (XLSX)",
        "un classeur de statistiques de page LinkedIn (XLSX)",
    ),
    "exports.kind.x_analytics": ("an X analytics export", "un export des statistiques X"),
    "exports.kind.youtube": (
        "a YouTube Studio Table data.csv",
        "un Table data.csv de YouTube Studio",
    ),
    "exports.french": ("(French headers)", "(en-têtes en français)"),
    "exports.sheet.content": ("content", "contenu"),
    "exports.sheet.visitors": ("visitors", "visiteurs"),
    "exports.sheet.followers": ("followers, not imported", "abonnés, non importés"),
    "exports.err.number": (
        "{column}: {value} is not a whole number",
        "{column} : {value} n'est pas un nombre entier",
    ),
    "exports.err.date": (
        "{column}: {value} is not a date cm-tui reads (YYYY-MM-DD or {format}); export the file "
        "again and import it without opening it in a spreadsheet",
        "{column} : {value} n'est pas une date que cm-tui lit (AAAA-MM-JJ ou {format}) ; "
        "exportez à nouveau le fichier et importez-le sans l'ouvrir dans un tableur",
    ),
    "exports.err.slashed": (
        "{column}: {value} is not a date in {format}, the order this file's dates are read in; "
        "export the file again and import it without opening it in a spreadsheet",
        "{column} : {value} n'est pas une date au format {format}, l'ordre dans lequel les dates "
        "de ce fichier sont lues ; exportez à nouveau le fichier et importez-le sans l'ouvrir "
        "dans un tableur",
    ),
    "exports.err.date_range": (
        "{column}: {value} is outside the dates cm-tui keeps (years 2000 to 2199); check the "
        "file's dates",
        "{column} : {value} est hors des dates que cm-tui garde (années 2000 à 2199) ; vérifiez "
        "les dates du fichier",
    ),
    "exports.format.month_first": ("MM/DD/YYYY", "MM/JJ/AAAA"),
    "exports.format.day_first": ("DD/MM/YYYY", "JJ/MM/AAAA"),
    "exports.order.month_first": ("month first", "le mois d'abord"),
    "exports.order.day_first": ("day first", "le jour d'abord"),
    "exports.dates_read": (
        "dates such as {value} read as {format}, as this export writes them",
        "dates comme {value} lues en {format}, comme cet export les écrit",
    ),
    "exports.part_merged": (
        {
            "one": "this file covers only part of {month} ({days}): its days replace the same "
            "days, and the {count} other day already imported is kept",
            "other": "this file covers only part of {month} ({days}): its days replace the same "
            "days, and the {count} other days already imported are kept",
        },
        {
            "one": "ce fichier ne couvre qu'une partie du mois ({month}, {days}) : ses jours "
            "remplacent les mêmes jours, et {count} autre jour déjà importé est gardé",
            "other": "ce fichier ne couvre qu'une partie du mois ({month}, {days}) : ses jours "
            "remplacent les mêmes jours, et les {count} autres jours déjà importés sont gardés",
        },
    ),
    "exports.part_only": (
        "this file covers only part of {month} ({days}): the month's figures are those of these "
        "days until a file gives the others",
        "ce fichier ne couvre qu'une partie du mois ({month}, {days}) : les chiffres du mois "
        "sont ceux de ces jours jusqu'à ce qu'un fichier donne les autres",
    ),
    "exports.err.no_id": (
        "{column} is empty and there is no permalink: export the file again",
        "{column} est vide et il n'y a pas de lien permanent : exportez à nouveau le fichier",
    ),
    "exports.err.rounded_id": (
        "{column} {value} was rounded by a spreadsheet and there is no permalink: export the "
        "file again and import it without opening it in a spreadsheet",
        "{column} {value} a été arrondi par un tableur et il n'y a pas de lien permanent : "
        "exportez à nouveau le fichier et importez-le sans l'ouvrir dans un tableur",
    ),
    "exports.err.metric": (
        "the metric {value} is none cm-tui keeps (reach, views, visits, clicks, followers)",
        "la mesure {value} n'est pas de celles que cm-tui garde (portée, vues, visites, clics, "
        "abonnés)",
    ),
    "exports.err.sheet": ("sheet {sheet}: {reason}", "feuille {sheet} : {reason}"),
    "exports.err.lookalike": (
        "this looks like {kind} but lacks these columns: {missing}; export it again whole",
        "on dirait {kind} mais il manque ces colonnes : {missing} ; exportez-le à nouveau en "
        "entier",
    ),
    "exports.err.xls": (
        "an old Excel file (XLS) cannot be read: open it and save it as XLSX, or download the "
        "LinkedIn page analytics export again as XLSX, then import that",
        "un ancien fichier Excel (XLS) ne peut pas être lu : ouvrez-le et enregistrez-le en "
        "XLSX, ou téléchargez à nouveau l'export des statistiques de page LinkedIn en XLSX, puis "
        "importez celui-ci",
    ),
    "exports.err.not_spreadsheet": (
        "not a readable spreadsheet (its content is neither XLSX nor XLS): download the LinkedIn "
        "page analytics export again (Analytics, Export, XLSX) and import it as downloaded",
        "pas un classeur lisible (son contenu n'est ni du XLSX ni du XLS) : téléchargez à "
        "nouveau l'export des statistiques de page LinkedIn (Statistiques, Exporter, XLSX) et "
        "importez-le tel quel",
    ),
    "exports.err.linkedin_csv": (
        "this looks like a LinkedIn page analytics sheet saved as CSV: import the XLSX workbook "
        "LinkedIn gives (Analytics, Export) as downloaded",
        "on dirait une feuille de statistiques de page LinkedIn enregistrée en CSV : importez le "
        "classeur XLSX que LinkedIn donne (Statistiques, Exporter) tel quel",
    ),
    "exports.err.daily_header": (
        "starts with sep= like {kind}, but line 3 is not Date, Primary",
        "commence par sep= comme {kind}, mais la ligne 3 n'est pas Date, Primary",
    ),
    "exports.err.not_linkedin": (
        "this workbook is not a LinkedIn page analytics export: none of its sheets has the "
        "columns Date and Impressions (total), Total page views (total) or Total followers; "
        "download the export from your page's Analytics (Export, XLSX) and import it as "
        "downloaded",
        "ce classeur n'est pas un export des statistiques de page LinkedIn : aucune de ses "
        "feuilles n'a les colonnes Date et Impressions (total), Total page views (total) ou "
        "Total followers ; téléchargez l'export depuis les statistiques de votre page "
        "(Exporter, XLSX) et importez-le tel quel",
    ),
    "exports.err.unknown": (
        "not an export cm-tui recognises; expected one of: {expected}",
        "pas un export que cm-tui reconnaît ; attendu : {expected}",
    ),
    "exports.err.network": (
        "figures for {networks}, which is not among your networks ({known}): add it in the "
        "settings first",
        "des chiffres pour {networks}, qui n'est pas parmi vos réseaux ({known}) : ajoutez-le "
        "d'abord dans les réglages",
    ),
    "exports.partial": (
        "{path}: part of the export was saved and could not be removed again; import the file "
        "again to complete it",
        "{path} : une partie de l'export a été enregistrée et n'a pas pu être retirée ; "
        "importez à nouveau le fichier pour le compléter",
    ),
    "exports.taken": ("{path}: taken for {kind}", "{path} : lu comme {kind}"),
    "exports.month": (
        "{network} {month}: {figures} (from {files})",
        "{network} {month} : {figures} (de {files})",
    ),
    "exports.kept": (
        "kept as typed: {figures} (--replace takes the export's)",
        "gardés tels que saisis : {figures} (--replace prend ceux de l'export)",
    ),
    "exports.posts": (
        {
            "one": "{count} post matched in the Calendar, {unmatched} not found, {created} created",
            "other": "{count} posts matched in the Calendar, {unmatched} not found, {created} "
            "created",
        },
        {
            "one": "{count} publication retrouvée dans le Calendrier, {unmatched} introuvables, "
            "{created} créées",
            "other": "{count} publications retrouvées dans le Calendrier, {unmatched} "
            "introuvables, {created} créées",
        },
    ),
    "exports.posts_dry": (
        {
            "one": "{count} post would be matched in the Calendar, {unmatched} not found, "
            "{created} would be created",
            "other": "{count} posts would be matched in the Calendar, {unmatched} not found, "
            "{created} would be created",
        },
        {
            "one": "{count} publication serait retrouvée dans le Calendrier, {unmatched} "
            "introuvables, {created} seraient créées",
            "other": "{count} publications seraient retrouvées dans le Calendrier, {unmatched} "
            "introuvables, {created} seraient créées",
        },
    ),
    "exports.dry_run": (
        {
            "one": "dry run: {count} month of figures would change, nothing written",
            "other": "dry run: {count} months of figures would change, nothing written",
        },
        {
            "one": "essai : {count} mois de chiffres changerait, rien n'est écrit",
            "other": "essai : {count} mois de chiffres changeraient, rien n'est écrit",
        },
    ),
    "exports.done": (
        {
            "one": "{count} month of figures changed",
            "other": "{count} months of figures changed",
        },
        {
            "one": "{count} mois de chiffres modifié",
            "other": "{count} mois de chiffres modifiés",
        },
    ),
    "exports.help.replace": (
        "a platform's export: its figures replace those typed by hand",
        "export d'une plateforme : ses chiffres remplacent ceux saisis à la main",
    ),
    "exports.help.create_posts": (
        "a platform's export: add its published posts the Calendar lacks",
        "export d'une plateforme : ajouter au Calendrier ses publications qui y manquent",
    ),
    "exports.report.top_posts": (
        "Top posts (from the platforms' exports)",
        "Meilleures publications (exports des plateformes)",
    ),
    "exports.report.sources": (
        "Figures from the platforms' exports",
        "Chiffres venus des exports des plateformes",
    ),
    "exports.report.files": ("Files", "Fichiers"),
    "exports.detail.title": ("Figures from the exports", "Chiffres des exports"),
    "exports.detail.line": (
        "reach {reach} · impressions {impressions} · reactions {reactions} · comments "
        "{comments} · shares {shares} · clicks {clicks} (from {file})",
        "portée {reach} · impressions {impressions} · réactions {reactions} · commentaires "
        "{comments} · partages {shares} · clics {clicks} (de {file})",
    ),
}
