"""The status bar's view of the running job: what it does, how far, and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from aimdesk.gui.jobs import JobRunner


class JobStatus(QWidget):
    """Hidden when no job runs; a job's title, progress and a Cancel button otherwise."""

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.label = QLabel()
        self.bar = QProgressBar(maximumWidth=180, textVisible=False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the job; the workspace stays as it was before it")
        self.cancel_button.clicked.connect(runner.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        runner.started.connect(self._started)
        runner.progressed.connect(self._progressed)
        runner.idle.connect(self.hide)
        self.hide()

    def _started(self, title: str) -> None:
        self.label.setText(title + "…")
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.show()

    def _progressed(self, done: int, total: int, what: str) -> None:
        self.label.setText(what)
        self.bar.setRange(0, total)
        self.bar.setValue(done)
