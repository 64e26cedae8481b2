"""Messages of the shared verbs of the key grammar (area ``verbs``): detail, copy, open link,
prefix menus, delete, search, on every tab."""

from cm_tui.core.i18n import Messages

MESSAGES: Messages = {
    # ------------------------------------------------------------------ keys
    "verbs.key.detail": ("Detail", "Détail"),
    "verbs.key.copy": ("Copy… (y text, l link)", "Copier… (y texte, l lien)"),
    "verbs.key.copy_text": ("Copy the text", "Copier le texte"),
    "verbs.key.copy_link": ("Copy the link", "Copier le lien"),
    "verbs.key.open_link": ("Open the link in the browser", "Ouvrir le lien dans le navigateur"),
    "verbs.key.filters": ("Filters…", "Filtres…"),
    "verbs.key.clear": ("Clear the filters", "Effacer les filtres"),
    "verbs.key.network": ("Filter: network", "Filtre : réseau"),
    "verbs.key.lists": ("Lists…", "Listes…"),
    "verbs.key.cancel": ("Cancel", "Annuler"),
    "verbs.filter": ("Filter: {what}", "Filtre : {what}"),
    "verbs.key.delete_task": ("Delete the task", "Supprimer la tâche"),
    "verbs.key.search_posts": ("Search posts", "Chercher des publications"),
    "verbs.key.view": ("View: week, month, list", "Vue : semaine, mois, liste"),
    "verbs.key.this_month": ("Back to the latest month", "Revenir au dernier mois"),
    # ------------------------------------------------------------------ help
    "verbs.help.shared": ("Shared keys", "Touches communes"),
    "verbs.help.tab": ("{tab} only", "{tab} seulement"),
    "verbs.help.then": ("{prefix} then {key}", "{prefix} puis {key}"),
    # ------------------------------------------------------------------ prefix menus
    "verbs.menu.filters": ("Filters", "Filtres"),
    "verbs.menu.copy": ("Copy", "Copier"),
    "verbs.menu.lists": ("Lists", "Listes"),
    "verbs.menu.hint": ("esc cancels", "échap annule"),
    "verbs.menu.unknown": (
        "{prefix} then {key}: no such key, nothing done ({prefix} lists the keys)",
        "{prefix} puis {key} : touche inconnue, rien n'est fait ({prefix} liste les touches)",
    ),
    # ------------------------------------------------------------------ detail, copy, open
    "verbs.detail.close_hint": ("esc or enter to close", "échap ou entrée pour fermer"),
    "verbs.copied_text": ("Copied: {text}", "Copié : {text}"),
    "verbs.copied_link": ("Link copied: {link}", "Lien copié : {link}"),
    "verbs.no_link": ("No link here.", "Pas de lien ici."),
    "verbs.not_web_link": (
        "Not opened: {link} is not a web address (http or https)",
        "Non ouvert : {link} n'est pas une adresse web (http ou https)",
    ),
    "verbs.opening": ("Opening {link} in the browser", "Ouverture de {link} dans le navigateur"),
    "verbs.no_browser": (
        "No browser could be opened: the link was copied instead ({link})",
        "Aucun navigateur n'a pu être ouvert : le lien a été copié ({link})",
    ),
    # ------------------------------------------------------------------ Today
    "verbs.today.detail_title": ("Task", "Tâche"),
    "verbs.today.minutes": ("about {minutes} min", "environ {minutes} min"),
    "verbs.today.at": ("{day} at {time}", "{day} à {time}"),
    "verbs.today.done_at": ("Done {at}", "Fait {at}"),
    "verbs.today.skipped": ("Skipped: {reason}", "Sautée : {reason}"),
    "verbs.today.skip": ("Skipped", "Sautée"),
    "verbs.today.snoozed": ("Snoozed until {at}", "Reportée jusqu'à {at}"),
    "verbs.today.late": ("To do, late", "À faire, en retard"),
    "verbs.today.pending": ("To do", "À faire"),
    "verbs.today.mine": ("Your task", "Votre tâche"),
    "verbs.today.catalog": (
        "From the catalog of tasks (M lists the tasks)",
        "Du catalogue de tâches (M liste les tâches)",
    ),
    "verbs.today.catalog_kept": (
        "“{task}” comes from the catalog: M lists the tasks, to turn it off or delete it",
        "« {task} » vient du catalogue : M liste les tâches, pour la désactiver ou la supprimer",
    ),
    "verbs.today.confirm_delete": ("Delete the task", "Supprimer la tâche"),
    "verbs.today.deleted": ("Task deleted: {task}", "Tâche supprimée : {task}"),
    "verbs.today.edit_deleted": ("deleted the task “{task}”", "supprimé la tâche « {task} »"),
    # ------------------------------------------------------------------ Calendar
    "verbs.calendar.detail_title": ("Post", "Publication"),
    "verbs.calendar.no_post": ("No post selected.", "Aucune publication sélectionnée."),
    "verbs.calendar.campaign": ("campaign {name}", "campagne {name}"),
    "verbs.calendar.tags": ("tags: {tags}", "étiquettes : {tags}"),
    "verbs.calendar.notes": ("Notes", "Notes"),
    "verbs.calendar.search_placeholder": (
        "Search posts (title, text, hashtags) · enter: next match · esc: back",
        "Chercher (titre, texte, hashtags) · entrée : suivante · échap : retour",
    ),
    "verbs.calendar.matches": (
        {"one": "“{query}”: {count} post", "other": "“{query}”: {count} posts"},
        {"one": "« {query} » : {count} publication", "other": "« {query} » : {count} publications"},
    ),
    "verbs.calendar.no_match": (
        "No post matches “{query}”",
        "Aucune publication ne correspond à « {query} »",
    ),
    "verbs.calendar.all_networks": ("all networks", "tous les réseaux"),
    # ------------------------------------------------------------------ Stats
    "verbs.stats.detail_title": ("Figures of {month}", "Chiffres : {month}"),
    "verbs.stats.no_month": ("No monthly figures yet.", "Pas encore de chiffres mensuels."),
}
