"""The DPIA risk register (CNIL severity x likelihood, before and after measures), the 4x4 heat
map, and the action plan fed from findings and risks (:class:`.panel.RisksPanel`)."""
