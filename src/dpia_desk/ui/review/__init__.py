"""The guided review: starting one for a vendor, its overview of steps and blockers, the lazy
list of all assessments, and the functions that open assessment and review windows
(:mod:`.windows`)."""
