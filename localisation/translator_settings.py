"""Which machine translation service wagtail-localize uses, chosen by the environment.

Imported by the settings, before any app is ready: it imports no model. The translators
themselves are in ``localisation.machine_translation``.
"""

GLOSSARY_AWARE_TRANSLATOR = "localisation.machine_translation.GlossaryAwareTranslator"
DEEPL_TRANSLATOR = "wagtail_localize.machine_translators.deepl.DeepLTranslator"
LIBRETRANSLATE_TRANSLATOR = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"
PSEUDO_TRANSLATOR = "localisation.machine_translation.PseudoTranslator"


# Configuration ----------------------------------------------------------------------------------


def glossary_aware(backend, options=None):
    """The ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` setting for ``backend`` (a dotted path to a
    wagtail-localize machine translator class) behind the glossary."""
    return {
        "CLASS": GLOSSARY_AWARE_TRANSLATOR,
        "OPTIONS": {"BACKEND": backend, "BACKEND_OPTIONS": options or {}},
    }


def machine_translator_settings(environ):
    """The machine translation service configured by the environment, or None for no service
    (wagtail-localize then shows no "Machine translate" button).

    - ``DEEPL_AUTH_KEY``: DeepL. wagtail-localize itself sends keys ending in ``:fx`` (free
      plan) to api-free.deepl.com and other keys to api.deepl.com.
    - ``LIBRETRANSLATE_URL`` (+ optional ``LIBRETRANSLATE_API_KEY``): a LibreTranslate server.
    - Both set: DeepL wins; LibreTranslate is ignored.
    """
    deepl_key = environ.get("DEEPL_AUTH_KEY", "").strip()
    libretranslate_url = environ.get("LIBRETRANSLATE_URL", "").strip().rstrip("/")

    if deepl_key:
        return glossary_aware(DEEPL_TRANSLATOR, {"AUTH_KEY": deepl_key})
    if libretranslate_url:
        return glossary_aware(
            LIBRETRANSLATE_TRANSLATOR,
            {
                # The translator appends "/translate" itself.
                "LIBRETRANSLATE_URL": libretranslate_url,
                # LibreTranslator reads API_KEY unconditionally; servers without keys ignore "".
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", "").strip(),
            },
        )
    return None
