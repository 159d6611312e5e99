"""The demo campaign: pages, media and translations in every language, built through the same
models and wagtail-localize steps an editor and a translator use. It depends on the product apps;
none of them depends on it."""
