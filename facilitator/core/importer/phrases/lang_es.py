"""Las frases que el importador escribe por su cuenta, en español."""

PHRASES: dict[str, str] = {
    "quoted": "«{text}»",
    "subtitle": "Una sesión en grupo pequeño",
    "credit": "Adaptado del artículo «{title}»",
    "welcome": "Bienvenida",
    "welcome_and_note": "Bienvenida y aviso de contenido",
    "welcome_notes": "Reciba a las personas al llegar. Diga cuánto dura la sesión, que las "
    "encuestas son anónimas y dónde se puede salir un momento.",
    "before_we_begin": "Antes de empezar",
    "before_notes": "Lea esto en voz alta. Indique el espacio tranquilo y quién acompañará a "
    "quien salga.",
    "where_we_start": "Punto de partida",
    "content_note": "Esta sesión trata sobre {subject}. Algunas partes pueden resultar "
    "personales. Puede salir en cualquier momento, sin dar explicaciones, y solo comparte lo "
    "que quiera.",
    "content_note_topics": "Esta sesión trata sobre {subject}. Algunas partes tocan {topics}. "
    "Cuídese: puede salir en cualquier momento, sin dar explicaciones, y alguien se acercará "
    "a usted. Los contactos de apoyo se muestran durante la sesión y en su hoja.",
    "and": "y",
    "topic_suicide": "el suicidio",
    "topic_self_harm": "las autolesiones",
    "topic_not_alive": "no querer seguir viviendo",
    "topic_crisis": "qué hacer en una crisis",
    "support_title": "Hay apoyo disponible",
    "support_notes": "Deje esto visible durante la parte. Nombre en voz alta las opciones "
    "locales y diga que pedir ayuda pronto es una fortaleza.",
    "goodbye_title": "Antes de irse: apoyo",
    "goodbye_notes": "Señale la hoja y los contactos locales.",
    "reflection_title": "Reflexión: escribir para uno mismo",
    "writing_private": "Lo escrito es privado: nadie tendrá que leer lo suyo en voz alta.",
    "article_asks": "El artículo pregunta: «{question}»",
    "risk_note": "No se usa como actividad: pregunta por autolesiones o suicidio. Remita a "
    "los recursos de apoyo.",
    "quick_poll": "Encuesta rápida",
    "what_found": "Lo que encontró el artículo",
    "step_by_step": "Paso a paso",
    "table_headed": "La tabla del artículo se titula «{label}».",
    "poll_wait": "Abra la encuesta y espere al menos cinco respuestas antes de mostrar los "
    "resultados.",
    "poll_then": "Luego muestre las cifras del artículo en la diapositiva siguiente, junto "
    "a las del grupo.",
    "poll_question": "¿Cuál de estos le describe? (El artículo da {measure} para cada uno.)",
    "poll_question_quote": "¿Cuál de estos le describe? (El artículo: {measure})",
    "poll_question_share": "¿Cuál de estos le describe? (El artículo da {measure}.)",
    "poll_why": "Una encuesta, porque cada fila es un grupo en el que uno puede situarse y "
    "las cifras son {measure}: el grupo se compara con el artículo.",
    "article_figures": "Cifras del artículo",
    "figures_caption": "Las cifras del artículo",
    "matrix_title": "¿Dónde está en cada una?",
    "matrix_question": "Para cada fila, ¿dónde está ahora mismo?",
    "matrix_scale": "1 es lo más cercano a «{low}», 5 lo más cercano a «{high}».",
    "results_hidden": "Los resultados quedan ocultos hasta que respondan suficientes "
    "personas; nadie es identificable.",
    "question_n": "Pregunta {n} de {total}",
    "question_one": "Una pregunta para usted",
    "sharing_optional": "Compartir es opcional: cada cual puede guardarse su respuesta.",
    "or": "o",
    "try_this": "Pruebe esto",
    "in_their_words": "En palabras del artículo",
    "react_prompt": "Reaccione: ¿qué le resulta cierto y qué añadiría o cuestionaría?",
    "why_heading": "Elegida porque el propio artículo hace esta pregunta, como título.",
    "why_run": "Elegidas porque el artículo hace estas preguntas juntas; se mantienen enteras.",
    "why_reader": "Elegida porque el artículo se la hace directamente a quien lee.",
    "why_exercise": "Elegido porque el artículo propone este ejercicio; cada persona lo hace "
    "sola y luego lo compara con alguien si quiere.",
    "why_quote": "Elegida porque una cita da al grupo algo concreto con lo que estar de "
    "acuerdo o no.",
    "part": "parte {n}",
    "claim_prompt": "¿Dónde ha visto que esto se cumple, y dónde no?",
    "why_claim": (
        "Elegido porque esta parte no hace ninguna pregunta: su idea clave se puede contrastar "
        "con la experiencia de cada cual."
    ),
}
