"""Reference data shipped with the product (read with importlib.resources); see README.md here."""
