"""Messages of the Calendar's week and month grids, what their cells say (area ``week``)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the last line of a week cell whose posts do not all fit (the same for one and several)
    "week.more": ("+{count} more", "+{count} de plus"),
}
