def test_the_figure_fields_are_every_int_field_of_monthly_figures() -> None:
    import dataclasses

    from cm_tui.core.models import MonthlyFigures

    ints = [
        f.name
        for f in dataclasses.fields(MonthlyFigures)
        if f.type in ("int", int, "int | None") and f.name != "id"  # followers may be unknown
    ]
    assert ints == list(MonthlyFigures.FIGURES)
