"""Messages of undo and redo (area ``edits``): the notices, and what each kind of edit did.

An edit's label completes "Undone: …" / "Redone: …", so it starts lower case with a verb in
the past ("replied to @emma").
"""

from cm_tui.core.i18n import Messages

MESSAGES: Messages = {
    # ------------------------------------------------------------------ notices
    "edits.undone": ("Undone: {what}", "Défait : {what}"),
    "edits.redone": ("Redone: {what}", "Refait : {what}"),
    "edits.undone_on": ("Undone ({tab}): {what}", "Défait ({tab}) : {what}"),
    "edits.redone_on": ("Redone ({tab}): {what}", "Refait ({tab}) : {what}"),
    "edits.nothing_to_undo": ("Nothing to undo.", "Rien à défaire."),
    "edits.nothing_to_redo": ("Nothing to redo.", "Rien à refaire."),
    "edits.undoing": ("Undoing: {what}…", "Annulation en cours : {what}…"),
    "edits.redoing": ("Redoing: {what}…", "Rétablissement en cours : {what}…"),
    "edits.busy": (
        "An undo or a redo is running: wait for it to end",
        "Une annulation ou un rétablissement est en cours : attendez qu'il se termine",
    ),
    # ------------------------------------------------------------------ Today
    "edits.today.done": ("marked “{task}” done", "marqué « {task} » comme fait"),
    "edits.today.not_done": ("marked “{task}” not done", "marqué « {task} » comme non fait"),
    "edits.today.snoozed": ("snoozed “{task}”", "reporté « {task} »"),
    "edits.today.skipped": ("skipped “{task}”", "sauté « {task} »"),
    "edits.today.task_added": ("added the task “{task}”", "ajouté la tâche « {task} »"),
    "edits.today.task_edited": ("edited the task “{task}”", "modifié la tâche « {task} »"),
    # ------------------------------------------------------------------ Calendar
    "edits.calendar.created": (
        "created the post “{title}”",
        "créé la publication « {title} »",
    ),
    "edits.calendar.edited": ("edited the post “{title}”", "modifié la publication « {title} »"),
    "edits.calendar.status": ("set “{title}” to {status}", "passé « {title} » à {status}"),
    "edits.calendar.moved": ("moved “{title}”", "déplacé « {title} »"),
    "edits.calendar.deleted": (
        "deleted the post “{title}”",
        "supprimé la publication « {title} »",
    ),
    "edits.calendar.duplicated": (
        {
            "one": "copied “{title}” to {count} network",
            "other": "copied “{title}” to {count} networks",
        },
        {
            "one": "copié « {title} » sur {count} réseau",
            "other": "copié « {title} » sur {count} réseaux",
        },
    ),
    "edits.calendar.series": (
        {
            "one": "added {count} idea post from the content series",
            "other": "added {count} idea posts from the content series",
        },
        {
            "one": "ajouté {count} idée de publication depuis les séries de contenus",
            "other": "ajouté {count} idées de publication depuis les séries de contenus",
        },
    ),
    # ------------------------------------------------------------------ Queue
    "edits.queue.replied": ("replied to {author}", "répondu à {author}"),
    "edits.queue.done": ("marked {author} replied", "marqué {author} comme répondu"),
    "edits.queue.ignored": ("ignored {author}", "ignoré {author}"),
    "edits.queue.escalated": ("escalated {author}", "transmis {author}"),
    "edits.queue.snoozed": ("snoozed {author}", "reporté {author}"),
    "edits.queue.bulk_done": (
        {"one": "marked {count} item replied", "other": "marked {count} items replied"},
        {
            "one": "marqué {count} élément comme répondu",
            "other": "marqué {count} éléments comme répondus",
        },
    ),
    "edits.queue.bulk_ignored": (
        {"one": "ignored {count} item", "other": "ignored {count} items"},
        {"one": "ignoré {count} élément", "other": "ignoré {count} éléments"},
    ),
    "edits.queue.bulk": (
        {"one": "changed {count} item", "other": "changed {count} items"},
        {"one": "modifié {count} élément", "other": "modifié {count} éléments"},
    ),
    "edits.queue.reopened": ("opened {author} again", "rouvert {author}"),
    # ------------------------------------------------------------------ Stats
    "edits.stats.figures": (
        "entered the figures of {network}, {month}",
        "saisi les chiffres : {network}, {month}",
    ),
    "edits.stats.figures_deleted": (
        "deleted the figures of {network} for {month}",
        "supprimé les chiffres : {network}, {month}",
    ),
    "edits.stats.month_deleted": (
        {
            "one": "deleted the figures of {month} for {count} network",
            "other": "deleted the figures of {month} for {count} networks",
        },
        {
            "one": "supprimé les chiffres : {month}, {count} réseau",
            "other": "supprimé les chiffres : {month}, {count} réseaux",
        },
    ),
    "edits.stats.export_imported": ("imported {file}", "importé {file}"),
}
