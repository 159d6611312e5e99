"""The demo podcast: one show, six episodes. Each episode's three lines are spoken (espeak-ng,
once, into files/podcasts/: see make_audio.py) in English, French and Spanish, the first episode
in every campaign language; episode 6 is an English-only bonus."""

SHOW = {
    "en": {
        "title": "Return Conversations",
        "description": "Experts and practitioners talk about migrant return and sustainable reintegration: what works, what does not, and why.",
        "author": "Return and Reintegration Campaign",
    },
    "fr": {
        "title": "Conversations sur le retour",
        "description": "Des experts et des praticiens parlent du retour des migrants et de la réintégration durable : ce qui marche, ce qui ne marche pas, et pourquoi.",
        "author": "Campagne retour et réintégration",
    },
    "es": {
        "title": "Conversaciones sobre el retorno",
        "description": "Personas expertas y profesionales hablan del retorno de migrantes y de la reintegración sostenible: qué funciona, qué no, y por qué.",
        "author": "Campaña de retorno y reintegración",
    },
    "ar": {
        "title": "حوارات العودة",
        "description": "خبراء وممارسون يتحدثون عن عودة المهاجرين وإعادة الإدماج المستدام: ما الذي ينجح، وما الذي لا ينجح، ولماذا.",
        "author": "حملة العودة وإعادة الإدماج",
    },
    "pt": {
        "title": "Conversas sobre o retorno",
        "description": "Especialistas e profissionais falam sobre o retorno de migrantes e a reintegração sustentável: o que funciona, o que não funciona e por quê.",
        "author": "Campanha de retorno e reintegração",
    },
    "bn": {
        "title": "প্রত্যাবর্তনের কথোপকথন",
        "description": "বিশেষজ্ঞ ও অনুশীলনকারীরা অভিবাসীদের প্রত্যাবর্তন ও টেকসই পুনরেকীকরণ নিয়ে কথা বলেন: কী কাজ করে, কী করে না, এবং কেন।",
        "author": "প্রত্যাবর্তন ও পুনরেকীকরণ প্রচারাভিযান",
    },
    "am": {
        "title": "የመመለስ ውይይቶች",
        "description": "ባለሙያዎችና በሥራው ላይ ያሉ ሰዎች ስለ ስደተኞች መመለስና ዘላቂ መልሶ መቋቋም ይወያያሉ፦ ምን እንደሚሠራ፣ ምን እንደማይሠራ እና ለምን።",
        "author": "የመመለስና መልሶ መቋቋም ዘመቻ",
    },
    "ka": {
        "title": "საუბრები დაბრუნებაზე",
        "description": "ექსპერტები და პრაქტიკოსები საუბრობენ მიგრანტების დაბრუნებასა და მდგრად რეინტეგრაციაზე: რა მუშაობს, რა არა და რატომ.",
        "author": "დაბრუნებისა და რეინტეგრაციის კამპანია",
    },
    "sr": {
        "title": "Разговори о повратку",
        "description": "Стручњаци и практичари говоре о повратку миграната и одрживој реинтеграцији: шта функционише, шта не и зашто.",
        "author": "Кампања за повратак и реинтеграцију",
    },
    "fil": {
        "title": "Mga Usapan sa Pagbabalik",
        "description": "Nag-uusap ang mga eksperto at practitioner tungkol sa pagbabalik ng mga migrante at sa pangmatagalang reintegrasyon: ano ang gumagana, ano ang hindi, at bakit.",
        "author": "Kampanya sa Pagbabalik at Reintegrasyon",
    },
}

CHAPTER_TITLES = {
    "en": ["Introduction", "The conversation", "Takeaways"],
    "fr": ["Introduction", "La conversation", "À retenir"],
    "es": ["Introducción", "La conversación", "Conclusiones"],
    "ar": ["مقدمة", "الحوار", "خلاصات"],
    "pt": ["Introdução", "A conversa", "Conclusões"],
    "bn": ["ভূমিকা", "আলোচনা", "মূল কথা"],
    "am": ["መግቢያ", "ውይይቱ", "ቁም ነገሮች"],
    "ka": ["შესავალი", "საუბარი", "დასკვნები"],
    "sr": ["Увод", "Разговор", "Закључци"],
    "fil": ["Panimula", "Ang usapan", "Mga aral"],
}

EPISODES = [
    {
        "number": 1,
        "type": "full",
        "en": {
            "title": "What reintegration means",
            "lines": [
                "Welcome to Return Conversations.",
                "Today we ask what sustainable reintegration really means for people coming home.",
                "It means economic, social and psychosocial well-being, together.",
            ],
        },
        "fr": {
            "title": "Ce que signifie la réintégration",
            "lines": [
                "Bienvenue dans Conversations sur le retour.",
                "Aujourd’hui, nous nous demandons ce que signifie vraiment une réintégration durable.",
                "Elle suppose un bien-être économique, social et psychosocial, ensemble.",
            ],
        },
        "es": {
            "title": "Qué significa la reintegración",
            "lines": [
                "Bienvenidos a Conversaciones sobre el retorno.",
                "Hoy nos preguntamos qué significa realmente una reintegración sostenible.",
                "Significa bienestar económico, social y psicosocial, a la vez.",
            ],
        },
        "ar": {
            "title": "ماذا تعني إعادة الإدماج",
            "lines": [
                "مرحبًا بكم في حوارات العودة.",
                "نسأل اليوم ماذا تعني إعادة الإدماج المستدام حقًا للعائدين إلى ديارهم.",
                "إنها تعني الرفاه الاقتصادي والاجتماعي والنفسي الاجتماعي، معًا.",
            ],
        },
        "pt": {
            "title": "O que significa a reintegração",
            "lines": [
                "Bem-vindos ao Conversas sobre o retorno.",
                "Hoje perguntamos o que uma reintegração sustentável realmente significa para quem volta para casa.",
                "Significa bem-estar económico, social e psicossocial, ao mesmo tempo.",
            ],
        },
        "bn": {
            "title": "পুনরেকীকরণের অর্থ কী",
            "lines": [
                "প্রত্যাবর্তনের কথোপকথনে স্বাগতম।",
                "আজ আমরা জানতে চাই, যারা ঘরে ফিরছেন তাদের জন্য টেকসই পুনরেকীকরণ আসলে কী বোঝায়।",
                "এর অর্থ অর্থনৈতিক, সামাজিক ও মনোসামাজিক সুস্থতা, একসাথে।",
            ],
        },
        "am": {
            "title": "መልሶ መቋቋም ምን ማለት ነው",
            "lines": [
                "ወደ የመመለስ ውይይቶች እንኳን በደህና መጡ።",
                "ዛሬ ወደ ቤታቸው ለሚመለሱ ሰዎች ዘላቂ መልሶ መቋቋም በእርግጥ ምን ማለት እንደሆነ እንጠይቃለን።",
                "ኢኮኖሚያዊ፣ ማኅበራዊ እና ሥነ ልቦናዊ ደህንነትን በአንድነት ማለት ነው።",
            ],
        },
        "ka": {
            "title": "რას ნიშნავს რეინტეგრაცია",
            "lines": [
                "მოგესალმებით „საუბრებში დაბრუნებაზე“.",
                "დღეს ვკითხულობთ, რას ნიშნავს სინამდვილეში მდგრადი რეინტეგრაცია შინ დაბრუნებული ადამიანებისთვის.",
                "ეს ნიშნავს ეკონომიკურ, სოციალურ და ფსიქოსოციალურ კეთილდღეობას, ერთად.",
            ],
        },
        "sr": {
            "title": "Шта значи реинтеграција",
            "lines": [
                "Добро дошли у Разговоре о повратку.",
                "Данас питамо шта одржива реинтеграција заиста значи за људе који се враћају кући.",
                "Она значи економско, друштвено и психосоцијално благостање, заједно.",
            ],
        },
        "fil": {
            "title": "Ano ang kahulugan ng reintegrasyon",
            "lines": [
                "Maligayang pagdating sa Mga Usapan sa Pagbabalik.",
                "Ngayon, itatanong natin kung ano talaga ang pangmatagalang reintegrasyon para sa mga umuuwi.",
                "Ito ay kabutihang pang-ekonomiya, panlipunan at psychosocial, nang sabay-sabay.",
            ],
        },
    },
    {
        "number": 2,
        "type": "full",
        "en": {
            "title": "Jobs and skills after return",
            "lines": [
                "In this episode we talk about work.",
                "Skills learned abroad are often not recognised at home.",
                "Certification and local job counselling make a real difference.",
            ],
        },
        "fr": {
            "title": "Emploi et compétences après le retour",
            "lines": [
                "Dans cet épisode, nous parlons de travail.",
                "Les compétences acquises à l’étranger sont souvent mal reconnues au pays.",
                "La certification et l’orientation professionnelle locale changent vraiment les choses.",
            ],
        },
        "es": {
            "title": "Empleo y habilidades después del retorno",
            "lines": [
                "En este episodio hablamos de trabajo.",
                "Las habilidades aprendidas en el extranjero a menudo no se reconocen en casa.",
                "La certificación y la orientación laboral local marcan una diferencia real.",
            ],
        },
    },
    {
        "number": 3,
        "type": "full",
        "en": {
            "title": "Families who wait",
            "lines": [
                "Families live the journey too.",
                "They carry hopes, debts and sometimes shame.",
                "Support for families helps the whole household start again.",
            ],
        },
        "fr": {
            "title": "Les familles qui attendent",
            "lines": [
                "Les familles vivent aussi le voyage.",
                "Elles portent des espoirs, des dettes et parfois de la honte.",
                "Soutenir les familles aide tout le foyer à repartir.",
            ],
        },
        "es": {
            "title": "Las familias que esperan",
            "lines": [
                "Las familias también viven el viaje.",
                "Cargan esperanzas, deudas y a veces vergüenza.",
                "Apoyar a las familias ayuda a todo el hogar a empezar de nuevo.",
            ],
        },
    },
    {
        "number": 4,
        "type": "full",
        "en": {
            "title": "Mental health and stigma",
            "lines": [
                "Coming back can be hard on the mind.",
                "Stigma in the community makes it harder still.",
                "Peer support and early counselling help people recover.",
            ],
        },
        "fr": {
            "title": "Santé mentale et stigmatisation",
            "lines": [
                "Revenir peut être éprouvant pour l’esprit.",
                "La stigmatisation dans la communauté rend les choses plus difficiles encore.",
                "Le soutien entre pairs et un accompagnement précoce aident à se rétablir.",
            ],
        },
        "es": {
            "title": "Salud mental y estigma",
            "lines": [
                "Volver puede ser duro para la mente.",
                "El estigma en la comunidad lo hace aún más difícil.",
                "El apoyo entre pares y la atención temprana ayudan a recuperarse.",
            ],
        },
    },
    {
        "number": 5,
        "type": "full",
        "en": {
            "title": "Working with local governments",
            "lines": [
                "Reintegration happens in a place.",
                "Municipalities know local services and local needs.",
                "When they lead, support lasts beyond any single project.",
            ],
        },
        "fr": {
            "title": "Travailler avec les collectivités locales",
            "lines": [
                "La réintégration se passe quelque part.",
                "Les municipalités connaissent les services et les besoins locaux.",
                "Quand elles pilotent, le soutien dure au-delà d’un seul projet.",
            ],
        },
        "es": {
            "title": "Trabajar con los gobiernos locales",
            "lines": [
                "La reintegración ocurre en un lugar.",
                "Los municipios conocen los servicios y las necesidades locales.",
                "Cuando lideran, el apoyo dura más allá de un solo proyecto.",
            ],
        },
    },
    {
        "number": 6,
        "type": "bonus",
        "en": {
            "title": "Bonus: your questions",
            "lines": [
                "This bonus episode answers your questions.",
                "Many of you asked how to find support after return.",
                "Start with the reintegration focal point in your municipality.",
            ],
        },
    },
]

HOSTS = [
    {"name": "Amina Diallo", "role": "host"},
    {"name": "Tomás Rivera", "role": "guest"},
]
