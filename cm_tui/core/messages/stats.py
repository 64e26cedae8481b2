"""Messages of the Stats tab and of the monthly report (issue 6)."""

from cm_tui.core.i18n import Messages

MESSAGES: Messages = {
    # metrics not in core.metric.*
    "stats.metric.posts_vs_target": ("Posts vs target", "Publications vs objectif"),
    "stats.metric.response_median": ("Median response (min)", "Réponse médiane (min)"),
    "stats.metric.on_time_share": ("Answered on time (%)", "Répondu à temps (%)"),
    "stats.metric.competitors": ("Followers: us vs competitors", "Abonnés : nous vs concurrents"),
    "stats.metric.campaigns": (
        "Campaign spend and results",
        "Dépenses et résultats des campagnes",
    ),
    "stats.kpi.followers_growth": ("Followers growth", "Croissance des abonnés"),
    "stats.kpi.engagement_rate": ("Engagement rate", "Taux d'engagement"),
    "stats.kpi.on_time_share": ("Answered on time", "Répondu à temps"),
    "stats.kpi.met": ("met", "atteint"),
    "stats.kpi.missed": ("missed", "manqué"),
    "stats.kpi.none": ("–", "–"),
    # the tab
    "stats.key.network": ("Filter: network", "Filtre : réseau"),
    "stats.key.range": ("Range", "Période"),
    "stats.key.undo": ("Undo", "Défaire"),
    "stats.key.redo": ("Redo", "Refaire"),
    "stats.key.prev_month": ("Previous month", "Mois précédent"),
    "stats.key.next_month": ("Next month", "Mois suivant"),
    "stats.key.report": ("Write the month's report", "Écrire le rapport du mois"),
    "stats.key.enter": ("Enter figures", "Saisir des chiffres"),
    "stats.all_networks": ("all networks", "tous les réseaux"),
    "stats.range_all": ("all", "tout"),
    "stats.range_months": ({"one": "{count} month", "other": "{count} months"}, "{count} mois"),
    "stats.chart_title": ("{metric} — {network} — {range}", "{metric} — {network} — {range}"),
    "stats.hint": (
        "m figure · f filters · [ ] month · ⏎ detail · c campaigns · C competitors",
        "m indicateur · f filtres · [ ] mois · ⏎ détail · c campagnes · C concurrents",
    ),
    "stats.table_title": (
        "{month}: vs {previous} / vs baseline {baseline}",
        "{month} : vs {previous} / vs référence {baseline}",
    ),
    "stats.col.network": ("Network", "Réseau"),
    "stats.col.kpi": ("KPI", "KPI"),
    "stats.col.vs_previous": ("vs {month}", "vs {month}"),
    "stats.col.vs_baseline": ("vs base", "vs réf."),
    "stats.kpi_short.followers_growth": ("Gr", "Cr"),
    "stats.kpi_short.engagement_rate": ("ER", "TE"),
    "stats.kpi_short.on_time_share": ("1h", "1h"),
    "stats.target": ("target", "objectif"),
    "stats.spend": ("spend ({currency})", "dépenses ({currency})"),
    "stats.results": ("results", "résultats"),
    "stats.no_data": ("No data for this chart.", "Pas de données pour ce graphique."),
    "stats.report_written": ("Report written: {path}", "Rapport écrit : {path}"),
    "stats.report_failed": ("Report not written: {reason}", "Rapport non écrit : {reason}"),
    "stats.responses_failed": (
        "Response figures not computed: {reason}; they are tried again when the chart is drawn",
        "Chiffres de réponse non calculés : {reason} ; nouvel essai au prochain tracé du graphique",
    ),
    # the form
    "stats.form.title": ("Figures of {network}", "Chiffres : {network}"),
    "stats.form.month_hint": ("any month up to this one", "tout mois jusqu'à celui-ci"),
    "stats.form.future_month": (
        "{field}: {month} has not begun; choose {current} or an earlier month",
        "{field} : {month} n'a pas commencé ; choisissez {current} ou un mois antérieur",
    ),
    "stats.form.unsupported_month": (
        "{field}: {month} is outside the months cm-tui handles; choose a month from {first} to "
        "{last}",
        "{field} : {month} est hors des mois que cm-tui prend en charge ; choisissez un mois de "
        "{first} à {last}",
    ),
    "stats.form.replaces": (
        "{month} already has figures: saving replaces them.",
        "Des chiffres existent déjà pour {month} : enregistrer les remplace.",
    ),
    "stats.form.bad_number": (
        "{field}: a whole number from 0 to {max}",
        "{field} : un nombre entier de 0 à {max}",
    ),
    "stats.form.saved": ("Figures saved.", "Chiffres enregistrés."),
    # deleting a month's figures (x)
    "stats.key.delete": ("Delete the month's figures", "Supprimer les chiffres du mois"),
    "stats.confirm_delete": (
        "Delete the figures of {network} for {month}?",
        "Supprimer les chiffres : {network}, {month} ?",
    ),
    "stats.confirm_delete_all": (
        {
            "one": "Delete the figures of {month} for {count} network ({names})?",
            "other": "Delete the figures of {month} for {count} networks ({names})?",
        },
        {
            "one": "Supprimer les chiffres : {month}, {count} réseau ({names}) ?",
            "other": "Supprimer les chiffres : {month}, {count} réseaux ({names}) ?",
        },
    ),
    "stats.deleted": (
        "Deleted the figures of {network} for {month}.",
        "Chiffres supprimés : {network}, {month}.",
    ),
    "stats.deleted_all": (
        {
            "one": "Deleted the figures of {month} for {count} network.",
            "other": "Deleted the figures of {month} for {count} networks.",
        },
        {
            "one": "Chiffres supprimés : {month}, {count} réseau.",
            "other": "Chiffres supprimés : {month}, {count} réseaux.",
        },
    ),
    "stats.nothing_to_delete": (
        "No figures stored for {month}: nothing to delete.",
        "Aucun chiffre enregistré pour {month} : rien à supprimer.",
    ),
    "stats.nothing_to_delete_network": (
        "No figures of {network} stored for {month}: nothing to delete.",
        "Aucun chiffre enregistré : {network}, {month} ; rien à supprimer.",
    ),
    # [ and ] at the ends of the months offered
    "stats.no_earlier_month": (
        {
            "one": "{month} is the earliest month: {count} month back, or the first with figures.",
            "other": "{month} is the earliest month: {count} months back, or the first with "
            "figures.",
        },
        "Pas de mois précédent : {month} est le plus ancien ({count} mois en arrière, ou le "
        "premier avec des chiffres).",
    ),
    "stats.no_later_month": (
        "{month} is the current month: there is no later one.",
        "Pas de mois suivant : {month} est le mois en cours.",
    ),
    "stats.no_later_figures": (
        "{month} is the last month with figures: there is no later one.",
        "Pas de mois suivant : {month} est le dernier mois avec des chiffres.",
    ),
    # ad campaigns (c) and competitors (C)
    "stats.key.campaigns": ("Ad campaigns", "Campagnes publicitaires"),
    "stats.key.competitors": ("Competitors", "Concurrents"),
    "stats.list.add": ("Add", "Ajouter"),
    "stats.list.edit": ("Edit", "Modifier"),
    "stats.list.close": ("Close", "Fermer"),
    "stats.campaigns.title": ("Ad campaigns", "Campagnes publicitaires"),
    "stats.campaigns.hint": (
        "a add · e edit · d daily check · D all checks · x delete · esc close",
        "a ajouter · e modifier · d suivi du jour · D tous les suivis · x supprimer · échap fermer",
    ),
    "stats.campaigns.empty": ("No campaign yet: a adds one.", "Aucune campagne : a en ajoute une."),
    "stats.campaigns.key.check": ("Daily check", "Suivi du jour"),
    "stats.campaigns.row": (
        "{start} → {end} · {spend} / {budget} · ",
        "{start} → {end} · {spend} / {budget} · ",
    ),
    "stats.campaigns.cpr": ("{amount}/result", "{amount}/résultat"),
    "stats.campaigns.no_cpr": ("no result", "aucun résultat"),
    "stats.campaigns.checks": (
        {"one": "{count} check", "other": "{count} checks"},
        {"one": "{count} suivi", "other": "{count} suivis"},
    ),
    "stats.campaigns.saved": ("Campaign saved.", "Campagne enregistrée."),
    "stats.campaigns.check_saved": ("Daily check saved.", "Suivi du jour enregistré."),
    "stats.campaign.new": ("New ad campaign", "Nouvelle campagne publicitaire"),
    "stats.campaign.edit": ("Campaign {name}", "Campagne {name}"),
    "stats.campaign.name": ("Name", "Nom"),
    "stats.campaign.network": ("Network", "Réseau"),
    "stats.campaign.start": ("Start (YYYY-MM-DD)", "Début (AAAA-MM-JJ)"),
    "stats.campaign.end": ("End (YYYY-MM-DD)", "Fin (AAAA-MM-JJ)"),
    "stats.campaign.budget": ("Budget", "Budget"),
    "stats.check.title": ("Daily check of {name}", "Suivi du jour : {name}"),
    "stats.check.day": ("Day (YYYY-MM-DD)", "Jour (AAAA-MM-JJ)"),
    "stats.check.spend": ("Spend that day", "Dépense du jour"),
    "stats.check.results": ("Results that day", "Résultats du jour"),
    "stats.check.note": ("Note", "Note"),
    "stats.form.required": ("{field}: required", "{field} : obligatoire"),
    "stats.form.bad_network": (
        "{field}: one of {known}",
        "{field} : l'un de {known}",
    ),
    "stats.form.bad_day": ("{field}: a date as YYYY-MM-DD", "{field} : une date AAAA-MM-JJ"),
    "stats.form.end_before_start": (
        "{field}: not before the start",
        "{field} : pas avant le début",
    ),
    "stats.form.bad_amount": (
        "{field}: an amount from 0 to {max}",
        "{field} : un montant de 0 à {max}",
    ),
    "stats.form.outside_campaign": (
        "{field}: between {start} and {end}",
        "{field} : entre le {start} et le {end}",
    ),
    "stats.competitors.title": ("Competitors", "Concurrents"),
    "stats.competitors.hint": (
        "a add · e edit · f month's figures · x delete · esc close",
        "a ajouter · e modifier · f chiffres du mois · x supprimer · échap fermer",
    ),
    "stats.competitors.empty": (
        "No competitor yet: a adds one.",
        "Aucun concurrent : a en ajoute un.",
    ),
    "stats.competitors.key.month": ("Month's figures", "Chiffres du mois"),
    "stats.competitors.row": (
        "{month}: followers {followers} · posts {posts} · engagements {engagements}",
        "{month} : abonnés {followers} · publications {posts} · engagements {engagements}",
    ),
    "stats.competitors.no_month": ("no figures yet", "pas encore de chiffres"),
    "stats.competitors.saved": ("Competitor saved.", "Concurrent enregistré."),
    "stats.competitor.new": ("New competitor", "Nouveau concurrent"),
    "stats.competitor.edit": ("Competitor {name}", "Concurrent {name}"),
    "stats.competitor.handle": ("Handle", "Identifiant"),
    "stats.competitor.month_title": ("{name}: figures of a month", "{name} : chiffres d'un mois"),
    "stats.competitor.month": ("Month (YYYY-MM)", "Mois (AAAA-MM)"),
    "stats.form.bad_month": ("{field}: a month as YYYY-MM", "{field} : un mois AAAA-MM"),
    # the report
    "stats.report.title": ("Monthly report — {month}", "Rapport mensuel — {month}"),
    "stats.report.generated": (
        "Generated on {day}. Baseline month: {baseline}. Months are counted in the time zone "
        "{zone}.",
        "Généré le {day}. Mois de référence : {baseline}. Les mois sont comptés dans le fuseau "
        "horaire {zone}.",
    ),
    "stats.report.figures": ("Figures", "Chiffres"),
    "stats.report.figure": ("Figure", "Indicateur"),
    "stats.report.value": ("Value", "Valeur"),
    "stats.report.vs_previous": ("vs {month}", "vs {month}"),
    "stats.report.vs_baseline": ("vs baseline {month}", "vs référence {month}"),
    "stats.report.kpis": ("KPI status", "Objectifs (KPI)"),
    "stats.report.posting_days": ("Days on posting target", "Jours à l'objectif de publication"),
    "stats.report.responses": ("Responses", "Réponses"),
    "stats.report.received": ("Received", "Reçus"),
    "stats.report.replied": ("Replied", "Répondus"),
    "stats.report.median": ("Median (min)", "Médiane (min)"),
    "stats.report.p90": ("p90 (min)", "p90 (min)"),
    "stats.report.on_time": ("Within deadline", "Dans le délai"),
    "stats.report.competitors": ("Competitors", "Concurrents"),
    "stats.report.name": ("Name", "Nom"),
    "stats.report.followers": ("Followers", "Abonnés"),
    "stats.report.change": ("Change", "Évolution"),
    "stats.report.posts": ("Posts", "Publications"),
    "stats.report.engagements": ("Engagements", "Interactions"),
    "stats.report.campaigns": ("Ad campaigns", "Campagnes publicitaires"),
    "stats.report.dates": ("Dates", "Dates"),
    "stats.report.budget": ("Budget ({currency})", "Budget ({currency})"),
    "stats.report.month_spend": (
        "Spend this month ({currency})",
        "Dépense du mois ({currency})",
    ),
    "stats.report.month_results": ("Results (month)", "Résultats (mois)"),
    "stats.report.cost_per_result": (
        "Cost per result ({currency})",
        "Coût par résultat ({currency})",
    ),
    "stats.report.spend_to_date": ("Spend to date ({currency})", "Dépense à date ({currency})"),
    "stats.report.pacing": ("Pacing", "Rythme"),
    "stats.report.published": ("Published posts", "Publications publiées"),
    "stats.report.day": ("Day", "Jour"),
    "stats.report.title_col": ("Title", "Titre"),
    "stats.report.none": ("Nothing this month.", "Rien ce mois-ci."),
    "stats.report.charts": ("Charts", "Graphiques"),
    "stats.report.written": ("Report written: {path}", "Rapport écrit : {path}"),
    "stats.error.unsupported_month": (
        "{value} is outside the months cm-tui handles; give a month from {first} to {last}",
        "{value} est hors des mois que cm-tui prend en charge ; donnez un mois de {first} à {last}",
    ),
    "stats.error.bad_month": (
        "{value!r} is not a month; use YYYY-MM, e.g. 2026-10",
        "{value!r} n'est pas un mois ; utilisez AAAA-MM, par ex. 2026-10",
    ),
    "stats.import.header": (
        "bad header (unknown columns: {unknown}; missing: {missing}); columns: {known}",
        "en-tête incorrect (colonnes inconnues : {unknown} ; manquantes : {missing}) ; "
        "colonnes : {known}",
    ),
    "stats.import.month": (
        "“{value}” is not a month (YYYY-MM)",
        "« {value} » n'est pas un mois (AAAA-MM)",
    ),
    "stats.import.unsupported_month": (
        "{value} is outside the days cm-tui handles ({first} to {last}); correct the month",
        "{value} est hors des jours que cm-tui prend en charge ({first} au {last}) ; corrigez "
        "le mois",
    ),
    "stats.import.number": (
        "{column} = “{value}” is not a whole number of 0 or more",
        "{column} = « {value} » n'est pas un nombre entier positif ou nul",
    ),
    "stats.import.twice": (
        "{network} {month} already given on line {first}",
        "{network} {month} déjà donné à la ligne {first}",
    ),
    "stats.import.done": (
        "{path}: months of figures added: {new}, updated: {updated}",
        "{path} : mois de chiffres ajoutés : {new}, mis à jour : {updated}",
    ),
    "stats.import.dry_run": (
        "{path} (dry run): months of figures to add: {new}, to update: {updated}",
        "{path} (essai) : mois de chiffres à ajouter : {new}, à mettre à jour : {updated}",
    ),
    "stats.help.report": (
        "write the monthly report of a month (Markdown, CSV or HTML); read-only, works while the "
        "app is open",
        "écrire le rapport mensuel d'un mois (Markdown, CSV ou HTML) ; lecture seule, fonctionne "
        "pendant que l'application est ouverte",
    ),
    "stats.help.month": (
        "the month, YYYY-MM (default: the last complete month)",
        "le mois, AAAA-MM (par défaut : le dernier mois complet)",
    ),
    "stats.help.report_format": ("md (default), csv or html", "md (défaut), csv ou html"),
    "stats.help.report_out": (
        "the file to write (default: standard output)",
        "le fichier à écrire (défaut : la sortie standard)",
    ),
    # KPI targets and baseline month (T)
    "stats.key.kpi": ("KPI targets and baseline", "Objectifs KPI et mois de référence"),
    "stats.kpi_form.title": (
        "KPI targets per network, and the baseline month",
        "Objectifs KPI par réseau, et mois de référence",
    ),
    "stats.kpi_form.baseline": ("Baseline month", "Mois de référence"),
    "stats.kpi_form.baseline_hint": (
        "YYYY-MM; empty: the first month with figures",
        "AAAA-MM ; vide : le premier mois avec des chiffres",
    ),
    "stats.kpi_form.network": ("Network", "Réseau"),
    "stats.kpi_form.followers_growth_pct": (
        "Followers growth (% a month)",
        "Croissance des abonnés (% par mois)",
    ),
    "stats.kpi_form.engagement_rate_pct": ("Engagement rate (%)", "Taux d'engagement (%)"),
    "stats.kpi_form.on_time_share": (
        "Answered within deadline (%)",
        "Répondu dans le délai (%)",
    ),
    "stats.kpi_form.hint": (
        "Percents; an empty cell: no target.",
        "En pourcentage ; une case vide : pas d'objectif.",
    ),
    "stats.kpi_form.bad_percent": (
        "{network} · {field}: a number from {low} to {high}, or empty for no target",
        "{network} · {field} : un nombre de {low} à {high}, ou vide pour aucun objectif",
    ),
    "stats.kpi_form.bad_baseline": (
        "Baseline month: a month as YYYY-MM (e.g. 2026-01), or empty",
        "Mois de référence : un mois AAAA-MM (par ex. 2026-01), ou vide",
    ),
    "stats.kpi_form.future_baseline": (
        "Baseline month: {month} has not begun; choose a past month or leave it empty",
        "Mois de référence : {month} n'a pas commencé ; choisissez un mois passé ou laissez vide",
    ),
    "stats.kpi_form.no_network": (
        "No active network: activate one in the settings first.",
        "Aucun réseau actif : activez-en un dans les réglages d'abord.",
    ),
    "stats.kpi_form.saved": (
        "KPI targets and baseline month saved.",
        "Objectifs KPI et mois de référence enregistrés.",
    ),
    # deleting from the lists (x)
    "stats.list.delete": ("Delete", "Supprimer"),
    "stats.campaigns.key.checks": ("Daily checks", "Suivis du jour"),
    "stats.campaigns.confirm_delete": (
        {
            "one": "Delete the campaign {name} and its {count} daily check?",
            "other": "Delete the campaign {name} and its {count} daily checks?",
        },
        {
            "one": "Supprimer la campagne {name} et {count} suivi du jour ?",
            "other": "Supprimer la campagne {name} et ses {count} suivis du jour ?",
        },
    ),
    "stats.campaigns.deleted": ("Campaign deleted.", "Campagne supprimée."),
    "stats.competitors.confirm_delete": (
        {
            "one": "Delete the competitor {name} and its {count} month of figures?",
            "other": "Delete the competitor {name} and its {count} months of figures?",
        },
        {
            "one": "Supprimer le concurrent {name} et {count} mois de chiffres ?",
            "other": "Supprimer le concurrent {name} et ses {count} mois de chiffres ?",
        },
    ),
    "stats.competitors.deleted": ("Competitor deleted.", "Concurrent supprimé."),
    "stats.checks.title": ("Daily checks of {name}", "Suivis du jour : {name}"),
    "stats.checks.hint": (
        "a add · e edit · x delete · esc close",
        "a ajouter · e modifier · x supprimer · échap fermer",
    ),
    "stats.checks.empty": (
        "No daily check yet: a adds one.",
        "Aucun suivi du jour : a en ajoute un.",
    ),
    "stats.checks.row": (
        {
            "one": "{day}  spent {spend} · {count} result",
            "other": "{day}  spent {spend} · {count} results",
        },
        {
            "one": "{day}  dépensé {spend} · {count} résultat",
            "other": "{day}  dépensé {spend} · {count} résultats",
        },
    ),
    "stats.checks.saved": ("Daily check saved.", "Suivi du jour enregistré."),
    "stats.checks.confirm_delete": (
        {
            "one": "Delete the daily check of {day} ({spend} spent, {count} result)?",
            "other": "Delete the daily check of {day} ({spend} spent, {count} results)?",
        },
        {
            "one": "Supprimer le suivi du jour du {day} (dépense {spend}, {count} résultat) ?",
            "other": "Supprimer le suivi du jour du {day} (dépense {spend}, {count} résultats) ?",
        },
    ),
    "stats.checks.deleted": ("Daily check deleted.", "Suivi du jour supprimé."),
    # cm-tui import FILE --table competitors
    "stats.import.required": (
        "{column} is empty",
        "{column} est vide",
    ),
    "stats.import.competitor_twice": (
        "{name} ({network}) {month} already given on line {first}",
        "{name} ({network}) {month} déjà donné à la ligne {first}",
    ),
    "stats.import.competitors_done": (
        "{path}: competitors added: {new}, updated: {updated}",
        "{path} : concurrents ajoutés : {new}, mis à jour : {updated}",
    ),
    "stats.import.competitors_dry_run": (
        "{path} (dry run): competitors to add: {new}, to update: {updated}",
        "{path} (essai) : concurrents à ajouter : {new}, à mettre à jour : {updated}",
    ),
}
