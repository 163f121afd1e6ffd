"""Icons, styles, Qt translations and reference data shipped with MedCenter Desktop (data only)."""
