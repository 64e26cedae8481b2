"""The hashtags dialog (Calendar ``M``) shows its whole keys hint, in English and in French."""

from __future__ import annotations

import pytest

from cm_tui.core.i18n import set_language, t
from cm_tui.core.settings import Settings
from tests.ui.conftest import SIZE, screen_text, settle


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_the_hashtags_hint_is_shown_whole(
    make_app, demo_settings: Settings, language: str
) -> None:
    from cm_tui.ui.screens.hashtags import HashtagScreen

    set_language(language)  # as the command line does (reset after each test)
    settings = Settings(
        timezone="Europe/Paris", language=language, active_networks=demo_settings.active_networks
    )
    app = make_app(settings=settings, initial_tab="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        assert isinstance(app.screen, HashtagScreen)
        box = app.screen.query_one("#hashtags-body").region
        lines = screen_text(app).splitlines()[box.y : box.bottom]
        text = " ".join(" ".join(line[box.x + 1 : box.right - 1] for line in lines).split())
        assert "…" not in text
        for part in t("calendar.hashtags.hint").split(" · "):
            assert part in text, part
