"""Words shared by every layer: networks, statuses, cadences, days."""

MESSAGES: dict[str, tuple[str, str]] = {
    "app.title": ("cm-tui", "cm-tui"),
    "yes": ("Yes", "Oui"),
    "no": ("No", "Non"),
    "cancel": ("Cancel", "Annuler"),
    "save": ("Save", "Enregistrer"),
    "close": ("Close", "Fermer"),
    "delete": ("Delete", "Supprimer"),
}
