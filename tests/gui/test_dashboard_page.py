"""The Dashboard's mutual-recognition tile: "N of M eligible", a way in to the Members page,
counted again once a member's status changes there."""

from __future__ import annotations

from aimdesk.core.dashboard import dashboard
from aimdesk.gui.main_window import MainWindow

ELIGIBLE_TEXT = "{} of {} eligible\nfor mutual recognition"


def test_the_eligible_tile_counts_members_and_leads_to_the_members_page(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot) -> None:
    page = window.dashboard_page
    qtbot.waitUntil(lambda: page.figures is not None)
    assert page.figures.eligible_members == dashboard(window.store, as_of=page.as_of).eligible_members == 0
    assert page.tiles["eligible"].text() == ELIGIBLE_TEXT.format(0, 2)
    assert "statement" in page.tiles["eligible"].toolTip()

    page.tiles["eligible"].click()
    assert window.stack.currentWidget() is window.members_page
    members = window.members_page
    members.table.selectRow(0)
    dialog = members.show_status()
    qtbot.addWidget(dialog)
    dialog.signatory.setText("J. Doe, CEO")
    dialog.sign_button.click()
    dialog.pass_button.click()
    dialog.accept()

    window.show_page(page)  # the status changed: the dashboard counts again when shown
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.eligible_members == 1)
    assert page.tiles["eligible"].text() == ELIGIBLE_TEXT.format(1, 2)
    assert page.tiles["members"].text() == "2\nmembers"
