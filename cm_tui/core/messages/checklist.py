"""Messages of the onboarding checklist (area ``checklist``): the screen ``b`` opens on Today."""

from cm_tui.core.i18n import Messages

MESSAGES: Messages = {
    "checklist.title": (
        "Onboarding checklist · {count}/{total} done",
        {
            "one": "Liste d'intégration · {count}/{total} faite",
            "other": "Liste d'intégration · {count}/{total} faites",
        },
    ),
    "checklist.empty": (
        "No step left: the checklist's tasks are turned off (M, task templates).",
        "Aucune étape : les tâches de la liste sont désactivées (M, modèles de tâches).",
    ),
    "checklist.done_on": ("done {day}", "faite le {day}"),
    "checklist.skipped_on": ("skipped {day}", "sautée le {day}"),
    "checklist.key.done": ("Done", "Faite"),
    "checklist.key.detail": ("Full text", "Texte entier"),
    "checklist.key.undo": ("Undo", "Défaire"),
    "checklist.key.redo": ("Redo", "Refaire"),
    "checklist.key.close": ("Close", "Fermer"),
    "checklist.detail.title": ("Step {number} of {total}", "Étape {number} sur {total}"),
    "checklist.detail.done": ("Done on {day}", "Faite le {day}"),
    "checklist.detail.skipped": ("Skipped on {day}", "Sautée le {day}"),
    "checklist.detail.pending": (
        "Not done yet: d or space ticks it.",
        "Pas encore faite : d ou espace la coche.",
    ),
}
