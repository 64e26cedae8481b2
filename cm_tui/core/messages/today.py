"""Messages of the Today tab (area ``today``): keys, panels, modals, form errors."""

from cm_tui.core.i18n import Messages

MESSAGES: Messages = {
    # ------------------------------------------------------------------ keys
    "today.key.snooze": ("Snooze", "Reporter"),
    "today.key.skip": ("Skip (with a reason)", "Sauter (avec une raison)"),
    "today.key.undo": ("Undo", "Défaire"),
    "today.key.redo": ("Redo", "Refaire"),
    "today.key.prev_day": ("Previous day", "Jour précédent"),
    "today.key.next_day": ("Next day", "Jour suivant"),
    "today.key.today": ("Back to today", "Revenir à aujourd'hui"),
    "today.key.filter": ("Filter", "Filtrer"),
    "today.key.add": ("Add a one-off task", "Ajouter une tâche ponctuelle"),
    "today.key.new": ("New recurring task", "Nouvelle tâche récurrente"),
    "today.key.edit": ("Edit the task", "Modifier la tâche"),
    "today.key.manage": (
        "Lists: influencers, documents, tasks",
        "Listes : influenceurs, documents, tâches",
    ),
    "today.key.onboarding": (
        "Onboarding checklist: start it, tick any step",
        "Liste d'intégration : la commencer, cocher toute étape",
    ),
    "today.key.add_entry": ("Add", "Ajouter"),
    "today.key.edit_entry": ("Edit", "Modifier"),
    "today.key.delete_entry": ("Delete", "Supprimer"),
    "today.key.later": ("Later today", "Plus tard aujourd'hui"),
    "today.key.tomorrow": ("Tomorrow", "Demain"),
    "today.key.cancel": ("Cancel", "Annuler"),
    # ------------------------------------------------------------------ notices
    "today.snoozed": ("Snoozed until {when}: {task}", "Reporté jusqu'à {when} : {task}"),
    "today.skipped": ("Skipped: {task}", "Sauté : {task}"),
    "today.added": ("Added: {task}", "Ajouté : {task}"),
    "today.saved": ("Saved: {task}", "Enregistré : {task}"),
    "today.no_row": ("No task selected.", "Aucune tâche sélectionnée."),
    "today.not_today": (
        "viewing {day} · t: back to today",
        "vous voyez le {day} · t : aujourd'hui",
    ),
    "today.filter.placeholder": (
        "filter tasks (esc to clear)",
        "filtrer les tâches (échap pour effacer)",
    ),
    "today.filter.count": (
        {"one": "filter “{query}”: {count} task", "other": "filter “{query}”: {count} tasks"},
        {
            "one": "filtre « {query} » : {count} tâche",
            "other": "filtre « {query} » : {count} tâches",
        },
    ),
    "today.snoozed_until": ("until {at}", "jusqu'à {at}"),
    "today.skip_reason_shown": ("skipped: {reason}", "sauté : {reason}"),
    # ------------------------------------------------------------------ panels
    "today.onboarding": ("Onboarding", "Intégration"),
    "today.onboarding.progress": (
        "week {week} · {count}/{total} done · {percent}",
        {
            "one": "semaine {week} · {count}/{total} fait · {percent}",
            "other": "semaine {week} · {count}/{total} faits · {percent}",
        },
    ),
    "today.onboarding.next": ("next:", "ensuite :"),
    "today.onboarding.hint": ("b: the whole checklist", "b : toute la liste"),
    "today.onboarding.offer": (
        {
            "one": "{count} step for your first weeks.",
            "other": "{count} steps for your first weeks.",
        },
        {
            "one": "{count} étape pour vos premières semaines.",
            "other": "{count} étapes pour vos premières semaines.",
        },
    ),
    "today.onboarding.offer_hint": (
        "b: start the checklist today",
        "b : commencer la liste aujourd'hui",
    ),
    "today.onboarding.started": (
        "Onboarding checklist started today: week 1",
        "Liste d'intégration commencée aujourd'hui : semaine 1",
    ),
    "today.reviews": ("Due reviews", "Révisions dues"),
    "today.reviews.none": ("No document to review.", "Aucun document à réviser."),
    "today.reviews.never": ("never", "jamais"),
    "today.reviews.more": ("{count} more", "encore {count}"),
    "today.influencer.contact": ("Contact this week: {name}", "À contacter cette semaine : {name}"),
    "today.influencer.done": ("Contacted this week: {name}", "Contacté cette semaine : {name}"),
    "today.influencer.last": ("last contact {day}", "dernier contact {day}"),
    "today.influencer.never": ("never contacted", "jamais contacté"),
    "today.influencer.none": ("No influencer listed.", "Aucun influenceur listé."),
    # ------------------------------------------------------------------ modals
    "today.snooze.title": ("Snooze “{task}”", "Reporter « {task} »"),
    "today.snooze.later": (
        "l  later today (until {at})",
        "l  plus tard aujourd'hui (jusqu'à {at})",
    ),
    "today.snooze.tomorrow": ("t  tomorrow ({at})", "t  demain ({at})"),
    "today.skip.title": ("Skip “{task}”", "Sauter « {task} »"),
    "today.skip.reason": ("Reason (optional), then Enter", "Raison (facultative), puis entrée"),
    "today.form.add_title": ("One-off task on {day}", "Tâche ponctuelle le {day}"),
    "today.form.new_title": ("New recurring task", "Nouvelle tâche récurrente"),
    "today.form.edit_title": ("Edit task", "Modifier la tâche"),
    "today.form.label": ("Task", "Tâche"),
    "today.form.kind": ("Cadence", "Fréquence"),
    "today.form.at": ("Time", "Heure"),
    "today.form.at_hint": ("HH:MM, optional", "HH:MM, facultative"),
    "today.form.detail": ("Detail", "Détail"),
    "today.form.detail_hint": (
        "Times a day / weekdays 1-7 (1,5) / day of month (-1 = last)",
        "Fois par jour / jours 1-7 (1,5) / jour du mois (-1 = dernier)",
    ),
    "today.form.network": ("Network", "Réseau"),
    "today.form.network_hint": ("Optional: {known}", "Facultatif : {known}"),
    "today.form.block": ("Time block", "Plage horaire"),
    "today.form.block_none": ("none", "aucune"),
    "today.form.block_hint": (
        "No time: it starts when its block does",
        "Sans heure : au début de sa plage",
    ),
    "today.form.every": ("Every", "Tous les"),
    "today.form.every_hint": (
        "N days, weeks, months or quarters",
        "N jours, semaines, mois ou trimestres",
    ),
    "today.form.counts": ("Counts from", "Compte depuis"),
    "today.form.counts.calendar": ("the calendar (fixed days)", "le calendrier (jours fixes)"),
    "today.form.counts.done": (
        "the last time it was done",
        "la dernière fois qu'elle a été faite",
    ),
    "today.form.missed": ("If missed", "Si oubliée"),
    "today.form.error.label": ("Type the task's text.", "Saisissez le texte de la tâche."),
    "today.form.error.label_long": (
        "The task's text is too long (200 characters at most).",
        "Le texte de la tâche est trop long (200 caractères au plus).",
    ),
    "today.form.error.time": (
        "“{value}” is not a time: use HH:MM, e.g. 14:30.",
        "« {value} » n'est pas une heure : utilisez HH:MM, par ex. 14:30.",
    ),
    "today.form.error.number": (
        "{field} must be a whole number from {low} to {high}.",
        "{field} doit être un nombre entier de {low} à {high}.",
    ),
    "today.form.error.kind": ("Choose a cadence.", "Choisissez une fréquence."),
    "today.form.error.choice": ("Choose one of the options.", "Choisissez une des options."),
    "today.form.error.every": (
        "Type a whole number from {low} to {high}, or leave it empty.",
        "Saisissez un nombre entier de {low} à {high}, ou laissez vide.",
    ),
    "today.form.error.every_workdays": (
        "Working days have no interval: choose “daily”, or count from the last time done.",
        "Les jours ouvrés n'ont pas d'intervalle : choisissez « quotidien », ou comptez depuis"
        " la dernière fois.",
    ),
    "today.form.error.counts": (
        "A one-off or several-times-a-day task has fixed days: count from the calendar.",
        "Une tâche ponctuelle ou plusieurs fois par jour a des jours fixes : comptez depuis"
        " le calendrier.",
    ),
    "today.form.error.occasional": (
        "An occasional task counts from the last time it was done: choose that, or “monthly”"
        " for fixed days.",
        "Une tâche ponctuelle compte depuis la dernière fois qu'elle a été faite : choisissez"
        " cela, ou « mensuel » pour des jours fixes.",
    ),
    "today.form.error.detail_after": (
        "Counted from the last time done, the days come from it: leave the detail empty.",
        "Comptés depuis la dernière fois, les jours en découlent : laissez le détail vide.",
    ),
    "today.form.error.block_spread": (
        "Several times a day are spread over the working day: leave the block at “none”.",
        "Plusieurs fois par jour se répartissent sur la journée : laissez la plage à « aucune ».",
    ),
    "today.form.error.day": (
        "A one-off task needs a day.",
        "Une tâche ponctuelle a besoin d'un jour.",
    ),
    "today.form.error.day_range": (
        "{day} is outside the days cm-tui handles ({first} to {last}): add the task on a day"
        " within them.",
        "Le {day} est hors des jours gérés par cm-tui (du {first} au {last}) : ajoutez la tâche"
        " un jour compris entre les deux.",
    ),
    "today.refused.already_done": (
        "Already done: press d first to mark it not done.",
        "Déjà faite : appuyez d'abord sur d pour la remettre à faire.",
    ),
    "today.day_range": (
        "No day beyond: the agenda covers {first} to {last}.",
        "Pas de jour au-delà : l'agenda couvre du {first} au {last}.",
    ),
    "today.form.error.network": (
        "Unknown network “{value}”; use one of: {known}.",
        "Réseau inconnu « {value} » ; utilisez : {known}.",
    ),
    "today.form.error.name": ("Type a name.", "Saisissez un nom."),
    "today.form.error.network_required": (
        "Give the network: one of {known}.",
        "Indiquez le réseau : {known}.",
    ),
    "today.form.error.date": (
        "“{value}” is not a date: use YYYY-MM-DD.",
        "« {value} » n'est pas une date : utilisez AAAA-MM-JJ.",
    ),
    # ------------------------------------------------------------------ manage modal
    "today.manage.title": ("Lists", "Listes"),
    "today.manage.influencers": ("Influencers", "Influenceurs"),
    "today.manage.documents": ("Reference documents", "Documents de référence"),
    "today.manage.tasks": ("Task templates", "Modèles de tâches"),
    "today.manage.hint": (
        "tab: next list · a: add · e: edit · d: delete · c: contacted/reviewed today · esc: close",
        "tab : liste suivante · a : ajouter · e : modifier · d : supprimer"
        " · c : contacté/révisé aujourd'hui · échap : fermer",
    ),
    "today.manage.delete": ("Delete “{name}”?", "Supprimer « {name} » ?"),
    "today.manage.name": ("Name / title", "Nom / titre"),
    "today.manage.network": ("Network", "Réseau"),
    "today.manage.handle": ("Handle", "Identifiant"),
    "today.manage.every_days": ("Review every (days)", "Réviser tous les (jours)"),
    "today.manage.contacted": ("Last contact", "Dernier contact"),
    "today.manage.reviewed": ("Last review", "Dernière révision"),
    "today.manage.date_hint": ("YYYY-MM-DD, optional", "AAAA-MM-JJ, facultatif"),
    "today.manage.empty": ("(empty list)", "(liste vide)"),
    "today.manage.kind": ("Kind (document)", "Type (document)"),
    "today.manage.every": ("every {days} d", "tous les {days} j"),
    "today.manage.last": ("last {day}", "dernier {day}"),
    "today.manage.never": ("never", "jamais"),
    "today.manage.add": ("Add to “{list}”", "Ajouter à « {list} »"),
    "today.manage.edit": ("Edit “{name}”", "Modifier « {name} »"),
    "today.manage.next_list": ("Next list", "Liste suivante"),
    "today.manage.touch": ("Contacted / reviewed today", "Contacté / révisé aujourd'hui"),
    "today.manage.user": ("mine", "perso"),
    "today.doc.graphic_charter": ("graphic charter", "charte graphique"),
    "today.doc.editorial_line": ("editorial line", "ligne éditoriale"),
    "today.doc.netiquette": ("netiquette", "nétiquette"),
    "today.doc.about": ("about section", "section « À propos »"),
    "today.doc.header_images": ("header images", "images d'en-tête"),
    "today.doc.hashtag_list": ("hashtag list", "liste de hashtags"),
    "today.doc.watch_plan": ("watch plan", "plan de veille"),
    "today.manage.inactive": ("(off)", "(désactivée)"),
    "today.failed.title": ("Not published", "Non publiées"),
    "today.failed.more": (
        {"one": "{count} more post", "other": "{count} more posts"},
        {"one": "{count} autre publication", "other": "{count} autres publications"},
    ),
    "today.campaigns.title": ("Ad campaigns running", "Campagnes en cours"),
    "today.campaigns.row": ("{spend} / {budget} · ", "{spend} / {budget} · "),
    "today.campaigns.pace": ("pace {pacing}", "rythme {pacing}"),
}
