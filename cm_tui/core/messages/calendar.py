"""Messages of the Calendar tab, its forms, checks and its import / export (area ``calendar``)."""

from cm_tui.core.i18n import Messages

MESSAGES: Messages = {
    # ------------------------------------------------------------------ keys
    "calendar.key.new": ("New post", "Nouvelle publication"),
    "calendar.key.edit": ("Edit post", "Modifier la publication"),
    "calendar.key.status": ("Next status", "Statut suivant"),
    "calendar.key.set_status": ("Choose status", "Choisir le statut"),
    "calendar.status.title": ("Status", "Statut"),
    "calendar.status.hint": (
        "j/k · enter: choose · esc: cancel",
        "j/k · entrée : choisir · échap : annuler",
    ),
    "calendar.status.at_end": (
        "Already published: P chooses another status",
        "Déjà publiée : P choisit un autre statut",
    ),
    "calendar.status.off_steps": (
        "Cancelled: P chooses another status",
        "Annulée : P choisit un autre statut",
    ),
    "calendar.status.early": (
        "is set for {at}, later than now: mark it published anyway?",
        "est prévue le {at}, plus tard que maintenant : la marquer publiée quand même ?",
    ),
    "calendar.key.delete": ("Delete post", "Supprimer la publication"),
    "calendar.key.undo": ("Undo", "Défaire"),
    "calendar.key.redo": ("Redo", "Refaire"),
    "calendar.key.duplicate": ("Duplicate to networks", "Dupliquer vers d'autres réseaux"),
    "calendar.key.day_earlier": ("Post one day earlier", "Publication un jour plus tôt"),
    "calendar.key.day_later": ("Post one day later", "Publication un jour plus tard"),
    "calendar.key.slot_earlier": ("Post to previous slot", "Publication au créneau précédent"),
    "calendar.key.slot_later": ("Post to next slot", "Publication au créneau suivant"),
    "calendar.key.next_post": ("Next post of the cell", "Publication suivante de la case"),
    "calendar.key.prev_post": ("Previous post of the cell", "Publication précédente de la case"),
    "calendar.key.cancel": ("Cancel", "Annuler"),
    "calendar.key.confirm": ("Confirm", "Valider"),
    "calendar.key.hashtags": ("Hashtag lists", "Listes de hashtags"),
    "calendar.key.series": ("Plan the content series", "Planifier les séries de contenus"),
    "calendar.series.blog_post": ("Blog post of the week", "Article de blog de la semaine"),
    "calendar.series.blog_link": (
        "Link to this week's blog post",
        "Lien vers l'article de la semaine",
    ),
    "calendar.series.added": (
        {
            "one": "{count} idea post added from the content series",
            "other": "{count} idea posts added from the content series",
        },
        {
            "one": "{count} idée de publication ajoutée depuis les séries de contenus",
            "other": "{count} idées de publication ajoutées depuis les séries de contenus",
        },
    ),
    "calendar.key.detail_up": ("Scroll the text up", "Remonter dans le texte"),
    "calendar.key.detail_down": ("Scroll the text down", "Descendre dans le texte"),
    "calendar.key.hashtag_kind": ("General / specific", "Général / spécifique"),
    "calendar.key.hashtag_delete": ("Delete hashtag", "Supprimer le hashtag"),
    "calendar.key.hashtag_new_kind": ("Kind of new hashtags", "Type des nouveaux hashtags"),
    "calendar.hashtags.title": ("Hashtags", "Hashtags"),
    "calendar.hashtags.hint": (
        "enter: add · tab: list · s: kind · del: delete · esc: close",
        "entrée : ajouter · tab : liste · s : type · suppr : supprimer · échap : fermer",
    ),
    "calendar.hashtags.empty": ("No hashtag yet.", "Aucun hashtag pour l'instant."),
    "calendar.hashtags.placeholder": ("#tag #another", "#tag #autre"),
    "calendar.hashtags.adding": (
        "new hashtags are {kind} (ctrl+g to switch)",
        "les nouveaux hashtags sont {kind} (ctrl+g pour changer)",
    ),
    "calendar.hashtags.general": ("general", "général"),
    "calendar.hashtags.specific": ("specific", "spécifique"),
    # ------------------------------------------------------------------ views
    "calendar.list_title": (
        {"one": "{first} – {last} · {count} post", "other": "{first} – {last} · {count} posts"},
        {
            "one": "{first} – {last} · {count} publication",
            "other": "{first} – {last} · {count} publications",
        },
    ),
    "calendar.list.empty": ("No post in this period.", "Aucune publication sur cette période."),
    # ------------------------------------------------------------------ actions
    "calendar.confirm_delete": ("Delete this post?", "Supprimer cette publication ?"),
    "calendar.duplicate_title": ("Duplicate to", "Dupliquer vers"),
    "calendar.duplicated": (
        {"one": "{count} copy added", "other": "{count} copies added"},
        {"one": "{count} copie ajoutée", "other": "{count} copies ajoutées"},
    ),
    "calendar.picker.hint": (
        "space: tick · enter: confirm · esc: cancel",
        "espace : cocher · entrée : valider · échap : annuler",
    ),
    # ------------------------------------------------------------------ form
    "calendar.form.new": ("New post", "Nouvelle publication"),
    "calendar.form.edit": ("Edit post", "Modifier la publication"),
    "calendar.field.network": ("Network", "Réseau"),
    "calendar.field.date": ("Date", "Date"),
    "calendar.field.time": ("Time", "Heure"),
    "calendar.field.title": ("Title", "Titre"),
    "calendar.field.text": ("Text", "Texte"),
    "calendar.field.status": ("Status", "Statut"),
    "calendar.field.campaign": ("Campaign", "Campagne"),
    "calendar.field.tags": ("Tags", "Étiquettes"),
    "calendar.field.hashtags": ("Hashtags", "Hashtags"),
    "calendar.field.link": ("Link", "Lien"),
    "calendar.field.notes": ("Notes", "Notes"),
    "calendar.field.id": ("Id", "Id"),
    "calendar.field.required": ("required", "obligatoire"),
    "calendar.edge": (
        "The calendar ends here: days from {first} to {last} only.",
        "Le calendrier s'arrête ici : jours du {first} au {last} seulement.",
    ),
    "calendar.field.date_range": (
        "{value} is outside the dates cm-tui handles: choose a day from {first} to {last}.",
        "{value} est hors des dates gérées par cm-tui : choisissez un jour du {first} au {last}.",
    ),
    "calendar.field.bad_date": (
        "{value!r} is not a date (YYYY-MM-DD)",
        "{value!r} n'est pas une date (AAAA-MM-JJ)",
    ),
    "calendar.field.bad_time": (
        "{value!r} is not a time (HH:MM)",
        "{value!r} n'est pas une heure (HH:MM)",
    ),
    "calendar.field.bad_network": (
        "{value!r} is not an active network ({known})",
        "{value!r} n'est pas un réseau actif ({known})",
    ),
    "calendar.field.bad_status": (
        "{value!r} is not a status ({known})",
        "{value!r} n'est pas un statut ({known})",
    ),
    "calendar.field.bad_hashtag": (
        "{value!r} is not a hashtag (#word)",
        "{value!r} n'est pas un hashtag (#mot)",
    ),
    "calendar.field.bad_link": (
        "{value!r} is not a web link (http:// or https://)",
        "{value!r} n'est pas un lien web (http:// ou https://)",
    ),
    "calendar.field.bad_id": (
        "{value!r} is not a post id",
        "{value!r} n'est pas un id de publication",
    ),
    # ------------------------------------------------------------------ checks
    "calendar.check.too_long": (
        {
            "one": "text too long: {count} character, limit {limit}",
            "other": "text too long: {count} characters, limit {limit}",
        },
        {
            "one": "texte trop long : {count} caractère, limite {limit}",
            "other": "texte trop long : {count} caractères, limite {limit}",
        },
    ),
    "calendar.check.too_many_hashtags": (
        "too many hashtags: {count}, at most {limit}",
        "trop de hashtags : {count}, au plus {limit}",
    ),
    "calendar.check.too_close": (
        "only {minutes} min from another post on this network (minimum {min})",
        "à {minutes} min seulement d'une autre publication sur ce réseau (minimum {min})",
    ),
    "calendar.check.past_unpublished": (
        "date passed and not published",
        "date passée et non publiée",
    ),
    # ------------------------------------------------------------------ import / export
    "calendar.csv.missing_columns": (
        {"one": "missing column {columns}", "other": "missing columns {columns}"},
        {"one": "colonne manquante {columns}", "other": "colonnes manquantes {columns}"},
    ),
    "calendar.csv.row_error": (
        "{field}: {reason}",
        "{field} : {reason}",
    ),
    "calendar.csv.dry_run": (
        {
            "one": "{path}: {count} post would be imported ({new} new, {updated} updated); "
            "nothing written",
            "other": "{path}: {count} posts would be imported ({new} new, {updated} updated); "
            "nothing written",
        },
        {
            "one": "{path} : {count} publication serait importée (nouvelles : {new}, mises à "
            "jour : {updated}) ; rien n'a été écrit",
            "other": "{path} : {count} publications seraient importées (nouvelles : {new}, mises "
            "à jour : {updated}) ; rien n'a été écrit",
        },
    ),
    "calendar.csv.done": (
        {
            "one": "{path}: {count} post imported ({new} new, {updated} updated)",
            "other": "{path}: {count} posts imported ({new} new, {updated} updated)",
        },
        {
            "one": "{path} : {count} publication importée (nouvelles : {new}, mises à jour : "
            "{updated})",
            "other": "{path} : {count} publications importées (nouvelles : {new}, mises à jour : "
            "{updated})",
        },
    ),
    "calendar.csv.exported": (
        {"one": "{count} post written to {path}", "other": "{count} posts written to {path}"},
        {
            "one": "{count} publication écrite dans {path}",
            "other": "{count} publications écrites dans {path}",
        },
    ),
    "calendar.ics.exported": (
        "{posts} and {blocks} written to {path}",
        "{posts} et {blocks} écrites dans {path}",
    ),
    "calendar.ics.posts": (
        {"one": "{count} post", "other": "{count} posts"},
        {"one": "{count} publication", "other": "{count} publications"},
    ),
    "calendar.ics.blocks": (
        {"one": "{count} time block", "other": "{count} time blocks"},
        {"one": "{count} plage horaire", "other": "{count} plages horaires"},
    ),
    "calendar.ics.block": (
        {"one": "{block}: {count} task", "other": "{block}: {count} tasks"},
        {"one": "{block} : {count} tâche", "other": "{block} : {count} tâches"},
    ),
    "calendar.ics.block.morning": ("Morning", "Matin"),
    "calendar.ics.block.midday": ("Midday", "Midi"),
    "calendar.ics.block.afternoon": ("Afternoon", "Après-midi"),
    "calendar.ics.block.evening": ("Evening", "Soir"),
    "calendar.cli.bad_date": (
        "{option} {value!r} is not a date (YYYY-MM-DD)",
        "{option} {value!r} n'est pas une date (AAAA-MM-JJ)",
    ),
    "calendar.cli.unsupported_day": (
        "{option} {value} is outside the days cm-tui handles; give a day from {first} to {last}",
        "{option} {value} est hors des jours que cm-tui prend en charge ; donnez un jour du "
        "{first} au {last}",
    ),
    "calendar.cli.reversed_days": (
        "--from {first} is after --to {last}; swap them",
        "--from {first} est après --to {last} ; inversez-les",
    ),
    "calendar.cli.help.from": ("first day (YYYY-MM-DD)", "premier jour (AAAA-MM-JJ)"),
    "calendar.cli.help.to": ("last day (YYYY-MM-DD)", "dernier jour (AAAA-MM-JJ)"),
    "calendar.cli.help.dry_run": (
        "check the file and report, write nothing",
        "vérifier le fichier et rendre compte, sans rien écrire",
    ),
}
