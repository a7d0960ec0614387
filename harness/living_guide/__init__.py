"""The living guide: both quick guides rebuilt from the last run, with its screenshots and verdicts."""
