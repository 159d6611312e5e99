"""The demo stories' words: English source, translations (as a translator would deliver them in
PO files: every story in French, Spanish and Arabic, the Bangladeshi one in Bengali, the Ethiopian
one in Amharic, the Senegalese one in Portuguese, Georgian, Serbian and Filipino too), and
subtitle cues per language."""

THEMES = {
    "jobs-and-skills": {
        "en": "Jobs and skills",
        "fr": "Emploi et compétences",
        "es": "Empleo y habilidades",
        "ar": "العمل والمهارات",
        "pt": "Emprego e competências",
        "bn": "কাজ ও দক্ষতা",
        "am": "ሥራ እና ክህሎት",
        "ka": "სამუშაო და უნარები",
        "sr": "Посао и вештине",
        "fil": "Trabaho at kasanayan",
    },
    "family-and-community": {
        "en": "Family and community",
        "fr": "Famille et communauté",
        "es": "Familia y comunidad",
        "ar": "الأسرة والمجتمع",
        "pt": "Família e comunidade",
        "bn": "পরিবার ও সমাজ",
        "am": "ቤተሰብ እና ማኅበረሰብ",
        "ka": "ოჯახი და თემი",
        "sr": "Породица и заједница",
        "fil": "Pamilya at komunidad",
    },
    "wellbeing": {
        "en": "Well-being",
        "fr": "Bien-être",
        "es": "Bienestar",
        "ar": "الرفاه النفسي",
        "pt": "Bem-estar",
        "bn": "সুস্থতা",
        "am": "ደህንነት",
        "ka": "კეთილდღეობა",
        "sr": "Благостање",
        "fil": "Kapakanan",
    },
}

# What each story's people speak: its own track is captions, the others subtitles.
SPOKEN_LANGUAGES = {"BD": "bn", "SN": "wo", "SV": "es", "ET": "am", "MA": "ar", "CM": "fr"}

# country code, slug, themes, dimensions, levels, voices, English texts, translations, cues
STORIES = [
    {
        "country": "BD",
        "slug": "a-tailoring-shop-in-sylhet",
        "mirror_url": "https://www.youtube.com/watch?v=M7lc1UVf-VE",
        # what the picture shows, for blind viewers: a text track, and a narrated version
        "descriptions": {
            "en": [
                "Colour bars fill the screen, with the letters B D in the middle.",
                "A clock in the corner counts the seconds.",
            ],
        },
        "themes": ["jobs-and-skills"],
        "dimensions": ["economic"],
        "levels": ["individual"],
        "voices": ["returnee"],
        "en": {
            "title": "A tailoring shop in Sylhet",
            "summary": "Back from the Gulf, Rahim turned a skills course into a small business that now employs two neighbours.",
            "fact": "Returnees who receive business training alongside a grant are more likely to keep their business running after a year.",
            "source": "Reintegration outcomes monitoring, 2024",
        },
        "fr": {
            "title": "Un atelier de couture à Sylhet",
            "summary": "De retour du Golfe, Rahim a transformé une formation en une petite entreprise qui emploie aujourd’hui deux voisins.",
            "fact": "Les personnes de retour qui reçoivent une formation en gestion en plus d’une subvention gardent plus souvent leur entreprise active après un an.",
            "source": "Suivi des résultats de la réintégration, 2024",
        },
        "es": {
            "title": "Un taller de costura en Sylhet",
            "summary": "De regreso del Golfo, Rahim convirtió un curso de formación en un pequeño negocio que hoy emplea a dos vecinos.",
            "fact": "Las personas retornadas que reciben formación empresarial junto con una subvención mantienen su negocio con más frecuencia después de un año.",
            "source": "Seguimiento de resultados de reintegración, 2024",
        },
        "ar": {
            "title": "ورشة خياطة في سيلهيت",
            "summary": "بعد عودته من الخليج، حوّل رحيم دورة تدريبية إلى مشروع صغير يوظّف اليوم اثنين من جيرانه.",
            "fact": "العائدون الذين يتلقون تدريبًا على إدارة الأعمال إلى جانب المنحة يحافظون على مشاريعهم بعد عام بنسبة أكبر.",
            "source": "رصد نتائج إعادة الإدماج، 2024",
        },
        "bn": {
            "title": "সিলেটে একটি দর্জির দোকান",
            "summary": "উপসাগরীয় দেশ থেকে ফিরে রহিম একটি দক্ষতা প্রশিক্ষণকে ছোট ব্যবসায় পরিণত করেছেন, যেখানে এখন দুজন প্রতিবেশী কাজ করেন।",
            "fact": "যে প্রত্যাবর্তনকারীরা অনুদানের পাশাপাশি ব্যবসায়িক প্রশিক্ষণ পান, এক বছর পরও তাদের ব্যবসা চালু রাখার সম্ভাবনা বেশি।",
            "source": "পুনরেকীকরণ ফলাফল পর্যবেক্ষণ, ২০২৪",
        },
        "cues": {
            "en": [
                "When I came back, I had nothing but my hands.",
                "Now the shop feeds three families.",
            ],
            "fr": [
                "Quand je suis revenu, je n’avais que mes mains.",
                "Aujourd’hui, l’atelier fait vivre trois familles.",
            ],
            "es": [
                "Cuando volví, solo tenía mis manos.",
                "Ahora el taller mantiene a tres familias.",
            ],
            "ar": ["عندما عدت، لم يكن لدي سوى يديّ.", "اليوم تعيل الورشة ثلاث عائلات."],
            "bn": ["যখন ফিরে এলাম, আমার হাত দুটো ছাড়া কিছুই ছিল না।", "এখন এই দোকান তিনটি পরিবারকে চালায়।"],
        },
    },
    {
        "country": "SN",
        "slug": "fishing-again-in-saint-louis",
        "themes": ["family-and-community", "jobs-and-skills"],
        "dimensions": ["economic", "social"],
        "levels": ["community"],
        "voices": ["family", "returnee"],
        "en": {
            "title": "Fishing again in Saint-Louis",
            "summary": "Awa’s son came home after a failed crossing. Together with a fishing cooperative, the family found a way forward.",
            "fact": "Community-based projects benefit both returnees and the people who stayed, which reduces tensions.",
            "source": "Community reintegration review, 2023",
        },
        "fr": {
            "title": "Reprendre la pêche à Saint-Louis",
            "summary": "Le fils d’Awa est rentré après une traversée manquée. Avec une coopérative de pêche, la famille a trouvé une voie.",
            "fact": "Les projets communautaires profitent à la fois aux personnes de retour et à celles restées sur place, ce qui réduit les tensions.",
            "source": "Revue de la réintégration communautaire, 2023",
        },
        "es": {
            "title": "Volver a pescar en Saint-Louis",
            "summary": "El hijo de Awa regresó tras una travesía fallida. Junto con una cooperativa pesquera, la familia encontró un camino.",
            "fact": "Los proyectos comunitarios benefician tanto a las personas retornadas como a quienes se quedaron, lo que reduce las tensiones.",
            "source": "Revisión de la reintegración comunitaria, 2023",
        },
        "ar": {
            "title": "العودة إلى الصيد في سان لويس",
            "summary": "عاد ابن عوا بعد عبور فاشل. ووجدت الأسرة طريقًا إلى الأمام مع تعاونية للصيد.",
            "fact": "تعود المشاريع المجتمعية بالفائدة على العائدين وعلى من بقوا معًا، مما يخفف التوترات.",
            "source": "مراجعة إعادة الإدماج المجتمعي، 2023",
        },
        "pt": {
            "title": "Voltar a pescar em Saint-Louis",
            "summary": "O filho de Awa voltou para casa depois de uma travessia fracassada. Com uma cooperativa de pesca, a família encontrou um caminho.",
            "fact": "Projetos comunitários beneficiam tanto as pessoas que retornam quanto as que ficaram, o que reduz as tensões.",
            "source": "Revisão da reintegração comunitária, 2023",
        },
        "ka": {
            "title": "ისევ თევზაობა სენ-ლუიში",
            "summary": "ავას ვაჟი წარუმატებელი გადაკვეთის შემდეგ შინ დაბრუნდა. თევზსაჭერ კოოპერატივთან ერთად ოჯახმა გზა იპოვა.",
            "fact": "თემზე დაფუძნებული პროექტები სარგებელს აძლევს როგორც დაბრუნებულებს, ისე დარჩენილებს, რაც დაძაბულობას ამცირებს.",
            "source": "თემის რეინტეგრაციის მიმოხილვა, 2023",
        },
        "sr": {
            "title": "Поново у риболову у Сен Лују",
            "summary": "Авин син вратио се кући након неуспелог преласка. Уз рибарску задругу, породица је пронашла пут напред.",
            "fact": "Пројекти у заједници користе и повратницима и онима који су остали, што смањује тензије.",
            "source": "Преглед реинтеграције у заједници, 2023",
        },
        "fil": {
            "title": "Muling pangingisda sa Saint-Louis",
            "summary": "Umuwi ang anak ni Awa matapos ang isang bigong pagtawid. Kasama ang isang kooperatiba ng mangingisda, nakahanap ang pamilya ng daan pasulong.",
            "fact": "Nakikinabang sa mga proyektong pangkomunidad ang mga bumalik at ang mga nanatili, kaya nababawasan ang tensiyon.",
            "source": "Pagsusuri sa reintegrasyong pangkomunidad, 2023",
        },
        "cues": {
            "en": [
                "We did not know if he was alive.",
                "The cooperative gave him a place, and us hope.",
            ],
            "fr": [
                "Nous ne savions pas s’il était vivant.",
                "La coopérative lui a donné une place, et à nous de l’espoir.",
            ],
            "es": [
                "No sabíamos si estaba vivo.",
                "La cooperativa le dio un lugar, y a nosotros esperanza.",
            ],
            "ar": ["لم نكن نعرف إن كان حيًا.", "منحته التعاونية مكانًا، ومنحتنا الأمل."],
            "pt": [
                "Não sabíamos se ele estava vivo.",
                "A cooperativa deu-lhe um lugar, e a nós, esperança.",
            ],
            "ka": [
                "არ ვიცოდით, ცოცხალი იყო თუ არა.",
                "კოოპერატივმა მას ადგილი მისცა, ჩვენ კი იმედი.",
            ],
            "sr": ["Нисмо знали да ли је жив.", "Задруга му је дала место, а нама наду."],
            "fil": [
                "Hindi namin alam kung buhay pa siya.",
                "Binigyan siya ng kooperatiba ng lugar, at kami ng pag-asa.",
            ],
        },
    },
    {
        "country": "SV",
        "slug": "a-mentor-in-san-miguel",
        "themes": ["wellbeing"],
        "dimensions": ["psychosocial"],
        "levels": ["individual", "community"],
        "voices": ["local-stakeholder"],
        "en": {
            "title": "A mentor in San Miguel",
            "summary": "A municipal counsellor explains how peer mentors help young returnees deal with stigma in their neighbourhood.",
            "fact": "Psychosocial support is most effective when it starts soon after arrival and continues for several months.",
            "source": "Psychosocial support guidance note, 2022",
        },
        "fr": {
            "title": "Une mentore à San Miguel",
            "summary": "Une conseillère municipale explique comment des pairs aident les jeunes de retour à faire face à la stigmatisation dans leur quartier.",
            "fact": "Le soutien psychosocial est le plus efficace lorsqu’il commence peu après l’arrivée et se poursuit plusieurs mois.",
            "source": "Note d’orientation sur le soutien psychosocial, 2022",
        },
        "es": {
            "title": "Una mentora en San Miguel",
            "summary": "Una consejera municipal explica cómo mentores de pares ayudan a jóvenes retornados a enfrentar el estigma en su barrio.",
            "fact": "El apoyo psicosocial es más eficaz cuando comienza poco después de la llegada y continúa durante varios meses.",
            "source": "Nota de orientación sobre apoyo psicosocial, 2022",
        },
        "ar": {
            "title": "مرشدة في سان ميغيل",
            "summary": "مستشارة بلدية تشرح كيف يساعد مرشدون من الأقران الشباب العائدين على مواجهة الوصم في أحيائهم.",
            "fact": "يكون الدعم النفسي والاجتماعي أكثر فاعلية عندما يبدأ بعد الوصول بوقت قصير ويستمر عدة أشهر.",
            "source": "مذكرة توجيهية بشأن الدعم النفسي والاجتماعي، 2022",
        },
        "cues": {
            "en": ["They come back and people whisper.", "A mentor who has lived it changes that."],
            "fr": ["Ils reviennent et les gens chuchotent.", "Un mentor qui l’a vécu change cela."],
            "es": ["Regresan y la gente murmura.", "Un mentor que lo ha vivido cambia eso."],
            "ar": ["يعودون فيتهامس الناس.", "مرشد عاش التجربة يغيّر ذلك."],
        },
    },
    {
        "country": "ET",
        "slug": "coffee-and-a-second-start",
        "themes": ["jobs-and-skills"],
        "dimensions": ["economic", "psychosocial"],
        "levels": ["individual"],
        "voices": ["returnee"],
        "en": {
            "title": "Coffee and a second start",
            "summary": "Hirut returned from abroad with debts. A coffee stand and regular counselling helped her rebuild, step by step.",
            "fact": "Debt is one of the most frequent obstacles returnees report in their first year back.",
            "source": "Returnee needs assessment, 2024",
        },
        "fr": {
            "title": "Du café et un nouveau départ",
            "summary": "Hirut est rentrée de l’étranger avec des dettes. Un stand de café et un suivi régulier l’ont aidée à se reconstruire, pas à pas.",
            "fact": "L’endettement est l’un des obstacles les plus fréquents signalés par les personnes de retour au cours de leur première année.",
            "source": "Évaluation des besoins des personnes de retour, 2024",
        },
        "es": {
            "title": "Café y un nuevo comienzo",
            "summary": "Hirut volvió del extranjero con deudas. Un puesto de café y un acompañamiento regular la ayudaron a reconstruirse, paso a paso.",
            "fact": "Las deudas son uno de los obstáculos más frecuentes que mencionan las personas retornadas durante su primer año.",
            "source": "Evaluación de necesidades de personas retornadas, 2024",
        },
        "ar": {
            "title": "قهوة وبداية ثانية",
            "summary": "عادت هيروت من الخارج مثقلة بالديون. ساعدها كشك قهوة ومتابعة منتظمة على إعادة البناء خطوة بخطوة.",
            "fact": "الديون من أكثر العقبات التي يذكرها العائدون في عامهم الأول.",
            "source": "تقييم احتياجات العائدين، 2024",
        },
        "am": {
            "title": "ቡና እና ሁለተኛ ጅማሮ",
            "summary": "ሒሩት ከውጭ አገር በዕዳ ተመለሰች። የቡና መሸጫና መደበኛ የምክር አገልግሎት ደረጃ በደረጃ ሕይወቷን መልሳ እንድትገነባ ረዷት።",
            "fact": "ዕዳ ተመላሾች በተመለሱበት የመጀመሪያ ዓመት ከሚያነሷቸው ተደጋጋሚ እንቅፋቶች አንዱ ነው።",
            "source": "የተመላሾች ፍላጎት ግምገማ፣ 2024",
        },
        "cues": {
            "en": ["Every morning I open at six.", "I pay back a little every week."],
            "fr": ["Chaque matin, j’ouvre à six heures.", "Je rembourse un peu chaque semaine."],
            "es": ["Cada mañana abro a las seis.", "Pago un poco cada semana."],
            "ar": ["أفتح كل صباح في السادسة.", "أسدد القليل كل أسبوع."],
            "am": ["በየቀኑ ጠዋት በአስራ ሁለት ሰዓት እከፍታለሁ።", "በየሳምንቱ ትንሽ እከፍላለሁ።"],
        },
    },
    {
        "country": "MA",
        "slug": "the-village-workshop",
        "themes": ["family-and-community"],
        "dimensions": ["social"],
        "levels": ["community", "structural"],
        "voices": ["community-member"],
        "en": {
            "title": "The village workshop",
            "summary": "In a village near Beni Mellal, returnees and residents repair farm tools together in a shared workshop.",
            "fact": "Linking returnees to local services and networks is a core part of sustainable reintegration.",
            "source": "Integrated approach to reintegration, 2021",
        },
        "fr": {
            "title": "L’atelier du village",
            "summary": "Dans un village près de Béni Mellal, personnes de retour et habitants réparent ensemble des outils agricoles dans un atelier partagé.",
            "fact": "Relier les personnes de retour aux services et aux réseaux locaux est un élément central d’une réintégration durable.",
            "source": "Approche intégrée de la réintégration, 2021",
        },
        "es": {
            "title": "El taller del pueblo",
            "summary": "En un pueblo cerca de Beni Mellal, personas retornadas y vecinos reparan juntos herramientas agrícolas en un taller compartido.",
            "fact": "Vincular a las personas retornadas con servicios y redes locales es parte esencial de una reintegración sostenible.",
            "source": "Enfoque integrado de la reintegración, 2021",
        },
        "ar": {
            "title": "ورشة القرية",
            "summary": "في قرية قرب بني ملال، يصلح العائدون والسكان معًا الأدوات الزراعية في ورشة مشتركة.",
            "fact": "ربط العائدين بالخدمات والشبكات المحلية جزء أساسي من إعادة الإدماج المستدام.",
            "source": "النهج المتكامل لإعادة الإدماج، 2021",
        },
        "cues": {
            "en": ["Here nobody asks where you have been.", "They ask what you can fix."],
            "fr": ["Ici, personne ne demande où tu étais.", "On demande ce que tu sais réparer."],
            "es": ["Aquí nadie pregunta dónde has estado.", "Preguntan qué sabes arreglar."],
            "ar": ["هنا لا أحد يسأل أين كنت.", "يسألون ماذا تستطيع أن تصلح."],
        },
    },
    {
        "country": "CM",
        "slug": "a-mothers-welcome-in-douala",
        "themes": ["family-and-community", "wellbeing"],
        "dimensions": ["social", "psychosocial"],
        "levels": ["individual"],
        "voices": ["family"],
        "en": {
            "title": "A mother’s welcome in Douala",
            "summary": "Marie talks about the day her daughter came home, and what helped the whole family adjust.",
            "fact": "Families play a central role in returnees’ well-being, and benefit from support of their own.",
            "source": "Family support in reintegration, 2023",
        },
        "fr": {
            "title": "L’accueil d’une mère à Douala",
            "summary": "Marie raconte le jour où sa fille est rentrée, et ce qui a aidé toute la famille à s’adapter.",
            "fact": "Les familles jouent un rôle central dans le bien-être des personnes de retour et ont elles aussi besoin de soutien.",
            "source": "Le soutien aux familles dans la réintégration, 2023",
        },
        "es": {
            "title": "La bienvenida de una madre en Duala",
            "summary": "Marie habla del día en que su hija volvió a casa, y de lo que ayudó a toda la familia a adaptarse.",
            "fact": "Las familias tienen un papel central en el bienestar de las personas retornadas y también necesitan apoyo.",
            "source": "El apoyo a las familias en la reintegración, 2023",
        },
        "ar": {
            "title": "استقبال أم في دوالا",
            "summary": "تتحدث ماري عن يوم عودة ابنتها إلى البيت، وعمّا ساعد الأسرة كلها على التكيّف.",
            "fact": "تؤدي الأسر دورًا محوريًا في رفاه العائدين، وتحتاج هي أيضًا إلى الدعم.",
            "source": "دعم الأسر في إعادة الإدماج، 2023",
        },
        "cues": {
            "en": ["I cried, then I cooked.", "We learned to listen to her."],
            "fr": ["J’ai pleuré, puis j’ai cuisiné.", "Nous avons appris à l’écouter."],
            "es": ["Lloré, y luego cociné.", "Aprendimos a escucharla."],
            "ar": ["بكيت، ثم طبخت.", "تعلمنا أن نصغي إليها."],
        },
    },
]
