"""Messages of the settings form (area ``setup``): the first start's form and the ``settings``
screen of the palette, its fields, their errors, the preview of a day, and what saving says."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ the form
    "setup.title": ("Settings", "Réglages"),
    "setup.title.first": (
        "Welcome to cm-tui: what should your days hold?",
        "Bienvenue dans cm-tui : de quoi vos journées sont-elles faites ?",
    ),
    "setup.first.note": (
        "esc keeps these defaults. Change them any time: ctrl+p, then Settings.",
        "échap garde ces valeurs. Modifiables à tout moment : ctrl+p, puis Réglages.",
    ),
    "setup.field.networks": ("Networks", "Réseaux"),
    "setup.field.timezone": ("Time zone", "Fuseau horaire"),
    "setup.field.language": ("Language", "Langue"),
    "setup.field.workdays": ("Working days", "Jours travaillés"),
    "setup.field.hours": ("Working hours", "Heures de travail"),
    "setup.field.start": ("Day starts at", "Début de journée"),
    "setup.field.end": ("Day ends at", "Fin de journée"),
    "setup.hours.to": ("to", "à"),
    "setup.field.facebook": ("Facebook rhythm", "Rythme Facebook"),
    "setup.hint.networks": (
        "space ticks · the articles advise two or three",
        "espace coche · les articles en conseillent deux ou trois",
    ),
    "setup.facebook.day": (
        "1 to 2 posts a day (first article)",
        "1 à 2 publications par jour (premier article)",
    ),
    "setup.facebook.week": (
        "2 to 3 posts a week (second article)",
        "2 à 3 publications par semaine (second article)",
    ),
    "setup.language.en": ("English", "English (anglais)"),
    "setup.language.fr": ("Français (French)", "Français"),
    # ------------------------------------------------------------------ errors
    "setup.error.networks": (
        "Tick at least one network (space ticks the one under the cursor).",
        "Cochez au moins un réseau (espace coche celui sous le curseur).",
    ),
    "setup.error.workdays": (
        "Tick at least one working day (space ticks the one under the cursor).",
        "Cochez au moins un jour travaillé (espace coche celui sous le curseur).",
    ),
    "setup.error.timezone": (
        '"{value}" is not a known time zone: type a name such as Europe/Paris.',
        "« {value} » n'est pas un fuseau horaire connu : tapez un nom comme Europe/Paris.",
    ),
    "setup.error.time": (
        '"{value}" is not a time: type it as 09:00 or 9h30.',
        "« {value} » n'est pas une heure : tapez-la comme 09:00 ou 9h30.",
    ),
    "setup.error.end": (
        "The day must end after it starts ({start}).",
        "La journée doit finir après son début ({start}).",
    ),
    # ------------------------------------------------------------------ the preview
    "setup.preview.head": (
        "What {day} will look like:",
        "À quoi ressemblera {day} :",
    ),
    "setup.preview.line": (
        "tasks: {tasks} · about {duration} of work in a {day_length} day · posts: {posts}",
        "tâches : {tasks} · environ {duration} de travail sur {day_length} · publications : "
        "{posts}",
    ),
    "setup.preview.on": (" on {networks}", " sur {networks}"),
    "setup.preview.duration": ("{hours} h {minutes}", "{hours} h {minutes}"),
    "setup.preview.hours": ("{hours} h", "{hours} h"),
    # ------------------------------------------------------------------ saving
    "setup.command": (
        "Settings: networks, time zone, language, working days and hours",
        "Réglages : réseaux, fuseau horaire, langue, jours et heures de travail",
    ),
    "setup.command.help": (
        "written to the settings file, applied at once",
        "écrits dans le fichier de réglages, appliqués aussitôt",
    ),
    "setup.saved": (
        "Settings saved and applied ({path}).",
        "Réglages enregistrés et appliqués ({path}).",
    ),
    "setup.saved.language": (
        "Settings saved; the language changes at the next start ({path}).",
        "Réglages enregistrés ; la langue change au prochain démarrage ({path}).",
    ),
    "setup.kept": (
        "Defaults kept: ctrl+p, then Settings, changes them ({path}).",
        "Valeurs par défaut gardées : ctrl+p, puis Réglages, pour les changer ({path}).",
    ),
    "setup.demo": (
        "Demo: these settings apply to this session only; your settings file is not changed.",
        "Démo : ces réglages ne valent que pour cette session ; votre fichier de réglages "
        "n'est pas modifié.",
    ),
    "setup.not_saved": (
        "Settings not saved: {reason}",
        "Réglages non enregistrés : {reason}",
    ),
    "setup.file.syntax": (
        "{path} is not valid TOML ({reason}): correct it, then save again.",
        "{path} n'est pas du TOML valide ({reason}) : corrigez-le, puis enregistrez à nouveau.",
    ),
    "setup.file.os": (
        "{path}: {reason}; check that the folder can be written.",
        "{path} : {reason} ; vérifiez que le dossier est accessible en écriture.",
    ),
}
