"""Reference data of places: Viet Nam's provinces (before and after 1 July 2025) and countries."""
