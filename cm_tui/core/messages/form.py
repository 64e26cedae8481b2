"""Messages of the form framework shared by every form (area ``form``): its keys and buttons,
and the lines of ``ctrl+e`` (a long text in ``$EDITOR``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "form.save": ("Save", "Enregistrer"),
    "form.cancel": ("Cancel", "Annuler"),
    "form.editor": ("Edit in $EDITOR", "Modifier dans $EDITOR"),
    "form.editor.none": (
        "No editor: set $EDITOR (vi is not installed either); the text is unchanged.",
        "Aucun éditeur : définissez $EDITOR (vi n'est pas installé non plus) ; texte inchangé.",
    ),
    "form.editor.not_started": (
        "The editor {editor} could not be started ({reason}): check $EDITOR; the text is "
        "unchanged.",
        "L'éditeur {editor} n'a pas pu être lancé ({reason}) : vérifiez $EDITOR ; texte inchangé.",
    ),
    "form.editor.failed": (
        "The editor {editor} exited with status {status}; the text is unchanged.",
        "L'éditeur {editor} s'est terminé avec le code {status} ; texte inchangé.",
    ),
    "form.editor.no_terminal": (
        "This terminal cannot be handed to an editor here; the text is unchanged.",
        "Ce terminal ne peut pas être confié à un éditeur ici ; texte inchangé.",
    ),
}
