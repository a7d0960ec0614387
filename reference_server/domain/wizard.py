"""Where a person stands in an activation wizard, and which steps they may open."""

from dataclasses import asdict, dataclass, field


@dataclass
class WizardProgress:
    """The furthest step reached; steps before the point of no return can be revisited."""

    steps: int
    reached: int = 1
    # Once the account exists, the steps that created it are closed: no replay by URL.
    first_open_step: int = 1
    data: dict[str, object] = field(default_factory=dict)

    def may_open(self, step: int) -> bool:
        """Whether a step may be shown: reached already and not closed behind the person."""
        return self.first_open_step <= step <= self.reached

    def where_to(self, step: int) -> int:
        """The step to show when the person asks for this one."""
        if self.may_open(step):
            return step
        return self.reached

    def complete(self, step: int) -> None:
        """Record that a step was passed, opening the next one."""
        if not self.may_open(step):
            raise ValueError(f"step {step} is not open")
        self.reached = max(self.reached, step + 1)

    def close_before(self, step: int) -> None:
        """Close every step before this one, so they cannot be played again."""
        self.first_open_step = max(self.first_open_step, step)
        self.reached = max(self.reached, step)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form to keep in the server-side session."""
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, object]) -> "WizardProgress":
        """Rebuild the progress kept in a session."""
        return cls(**raw)  # type: ignore[arg-type]
