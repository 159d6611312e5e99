"""The demo campaign's words: English source text and its translations, as a translator would
deliver them in PO files (English msgid -> translated msgstr)."""

HOME_TITLE = "Safe Return, New Beginnings"
HOME_TAGLINE = (
    "Stories, conversations and training on migrant return and sustainable reintegration."
)
INTRO_HEADING = "Why this campaign"
INTRO_TEXT = (
    "Every year, many migrants return to their countries of origin. "
    "Here returnees, their families and their communities tell, in their own words, "
    "what it takes to start again."
)
FEATURED_STORY_HEADING = "Featured story"
FEATURED_STORY_BUTTON = "Watch the story"
LATEST_STORIES = "Latest stories"
ALL_STORIES = "All stories"
LATEST_EPISODES = "From the podcast"
ALL_PODCASTS = "All podcasts"
LATEST_MODULES = "Training modules"
ALL_MODULES = "All modules"
HOME_FACT = "Reintegration is sustainable when returnees reach economic self-sufficiency, social stability and psychosocial well-being in their community."
HOME_FACT_SOURCE = "Towards an integrated approach to reintegration in the context of return, 2017"
CTA_HEADING = "Listen to the podcast"
CTA_TEXT = "Experts and practitioners discuss what works in reintegration."
CTA_BUTTON = "Listen now"
STORIES_TITLE = "Stories"
STORIES_INTRO = (
    "Short videos of returnees, families and communities, with subtitles in many languages."
)
PODCASTS_TITLE = "Podcasts"
PODCASTS_INTRO = "A podcast series of dialogues among experts and practitioners."
TRAINING_TITLE = "Training"
TRAINING_INTRO = "Capacity-development modules for trainers to use in their own courses."

TRANSLATIONS = {
    "fr": {
        HOME_TITLE: "Retour en sécurité, nouveaux départs",
        HOME_TAGLINE: "Récits, dialogues et formations sur le retour des migrants et la réintégration durable.",
        INTRO_HEADING: "Pourquoi cette campagne",
        INTRO_TEXT: (
            "Chaque année, de nombreux migrants retournent dans leur pays d’origine. "
            "Ici, les personnes de retour, leurs familles et leurs communautés racontent, "
            "avec leurs propres mots, ce qu’il faut pour recommencer."
        ),
        FEATURED_STORY_HEADING: "À la une",
        FEATURED_STORY_BUTTON: "Voir le récit",
        LATEST_STORIES: "Derniers récits",
        ALL_STORIES: "Tous les récits",
        LATEST_EPISODES: "Du côté du podcast",
        ALL_PODCASTS: "Tous les podcasts",
        LATEST_MODULES: "Modules de formation",
        ALL_MODULES: "Tous les modules",
        HOME_FACT: "La réintégration est durable lorsque les personnes de retour atteignent l’autonomie économique, la stabilité sociale et le bien-être psychosocial au sein de leur communauté.",
        HOME_FACT_SOURCE: "Vers une approche intégrée de la réintégration dans le contexte du retour, 2017",
        CTA_HEADING: "Écouter le podcast",
        CTA_TEXT: "Des experts et des praticiens discutent de ce qui fonctionne en matière de réintégration.",
        CTA_BUTTON: "Écouter",
        STORIES_TITLE: "Récits",
        STORIES_INTRO: "De courtes vidéos de personnes de retour, de familles et de communautés, sous-titrées en plusieurs langues.",
        PODCASTS_TITLE: "Podcasts",
        PODCASTS_INTRO: "Une série de podcasts : des dialogues entre experts et praticiens.",
        TRAINING_TITLE: "Formation",
        TRAINING_INTRO: "Des modules de renforcement des capacités que les formateurs intègrent à leurs propres cours.",
    },
    "es": {
        HOME_TITLE: "Retorno seguro, nuevos comienzos",
        HOME_TAGLINE: "Historias, conversaciones y formación sobre el retorno de migrantes y la reintegración sostenible.",
        INTRO_HEADING: "Por qué esta campaña",
        INTRO_TEXT: (
            "Cada año, muchas personas migrantes regresan a sus países de origen. "
            "Aquí las personas retornadas, sus familias y sus comunidades cuentan, "
            "con sus propias palabras, lo que significa empezar de nuevo."
        ),
        FEATURED_STORY_HEADING: "Historia destacada",
        FEATURED_STORY_BUTTON: "Ver la historia",
        LATEST_STORIES: "Últimas historias",
        ALL_STORIES: "Todas las historias",
        LATEST_EPISODES: "Desde el pódcast",
        ALL_PODCASTS: "Todos los pódcasts",
        LATEST_MODULES: "Módulos de formación",
        ALL_MODULES: "Todos los módulos",
        HOME_FACT: "La reintegración es sostenible cuando las personas retornadas alcanzan la autosuficiencia económica, la estabilidad social y el bienestar psicosocial en su comunidad.",
        HOME_FACT_SOURCE: "Hacia un enfoque integrado de la reintegración en el contexto del retorno, 2017",
        CTA_HEADING: "Escuche el pódcast",
        CTA_TEXT: "Personas expertas y profesionales conversan sobre lo que funciona en la reintegración.",
        CTA_BUTTON: "Escuchar",
        STORIES_TITLE: "Historias",
        STORIES_INTRO: "Videos cortos de personas retornadas, familias y comunidades, con subtítulos en varios idiomas.",
        PODCASTS_TITLE: "Pódcasts",
        PODCASTS_INTRO: "Una serie de pódcasts con diálogos entre personas expertas y profesionales.",
        TRAINING_TITLE: "Formación",
        TRAINING_INTRO: "Módulos de desarrollo de capacidades para que los formadores los usen en sus propios cursos.",
    },
    "pt": {
        HOME_TITLE: "Regresso seguro, novos começos",
        HOME_TAGLINE: "Histórias, conversas e formação sobre o regresso de migrantes e a reintegração sustentável.",
        INTRO_HEADING: "Porquê esta campanha",
        INTRO_TEXT: (
            "Todos os anos, muitos migrantes regressam aos seus países de origem. "
            "Aqui, as pessoas que regressaram, as suas famílias e comunidades contam, "
            "com as suas próprias palavras, o que é preciso para recomeçar."
        ),
        FEATURED_STORY_HEADING: "História em destaque",
        FEATURED_STORY_BUTTON: "Ver a história",
        LATEST_STORIES: "Histórias recentes",
        ALL_STORIES: "Todas as histórias",
        LATEST_EPISODES: "Do podcast",
        ALL_PODCASTS: "Todos os podcasts",
        LATEST_MODULES: "Módulos de formação",
        ALL_MODULES: "Todos os módulos",
        HOME_FACT: "A reintegração é sustentável quando as pessoas retornadas alcançam autossuficiência económica, estabilidade social e bem-estar psicossocial em sua comunidade.",
        HOME_FACT_SOURCE: "Rumo a uma abordagem integrada da reintegração no contexto do retorno, 2017",
        CTA_HEADING: "Ouça o podcast",
        CTA_TEXT: "Especialistas e profissionais debatem o que funciona na reintegração.",
        CTA_BUTTON: "Ouvir agora",
        STORIES_TITLE: "Histórias",
        STORIES_INTRO: "Vídeos curtos de pessoas que regressaram, famílias e comunidades, com legendas em várias línguas.",
        PODCASTS_TITLE: "Podcasts",
        PODCASTS_INTRO: "Uma série de podcasts com diálogos entre especialistas e profissionais.",
        TRAINING_TITLE: "Formação",
        TRAINING_INTRO: "Módulos de capacitação para formadores usarem nos seus próprios cursos.",
    },
    "ar": {
        HOME_TITLE: "عودة آمنة، بدايات جديدة",
        HOME_TAGLINE: "قصص وحوارات وتدريب حول عودة المهاجرين وإعادة الإدماج المستدام.",
        INTRO_HEADING: "لماذا هذه الحملة",
        INTRO_TEXT: (
            "يعود كل عام كثير من المهاجرين إلى بلدانهم الأصلية. "
            "هنا يروي العائدون وأسرهم ومجتمعاتهم، بكلماتهم الخاصة، "
            "ما يتطلبه البدء من جديد."
        ),
        FEATURED_STORY_HEADING: "قصة مختارة",
        FEATURED_STORY_BUTTON: "شاهد القصة",
        LATEST_STORIES: "أحدث القصص",
        ALL_STORIES: "كل القصص",
        LATEST_EPISODES: "من البودكاست",
        ALL_PODCASTS: "كل البودكاست",
        LATEST_MODULES: "وحدات تدريبية",
        ALL_MODULES: "كل الوحدات",
        HOME_FACT: "تكون إعادة الإدماج مستدامة عندما يبلغ العائدون الاكتفاء الذاتي الاقتصادي والاستقرار الاجتماعي والرفاه النفسي الاجتماعي في مجتمعاتهم.",
        HOME_FACT_SOURCE: "نحو نهج متكامل لإعادة الإدماج في سياق العودة، 2017",
        CTA_HEADING: "استمع إلى البودكاست",
        CTA_TEXT: "خبراء وممارسون يناقشون ما ينجح في إعادة الإدماج.",
        CTA_BUTTON: "استمع الآن",
        STORIES_TITLE: "قصص",
        STORIES_INTRO: "مقاطع فيديو قصيرة للعائدين وأسرهم ومجتمعاتهم، مع ترجمة بلغات عديدة.",
        PODCASTS_TITLE: "بودكاست",
        PODCASTS_INTRO: "سلسلة بودكاست من الحوارات بين الخبراء والممارسين.",
        TRAINING_TITLE: "تدريب",
        TRAINING_INTRO: "وحدات لتنمية القدرات يستخدمها المدربون في دوراتهم الخاصة.",
    },
    "bn": {
        HOME_TITLE: "নিরাপদ প্রত্যাবর্তন, নতুন সূচনা",
        HOME_TAGLINE: "অভিবাসীদের প্রত্যাবর্তন ও টেকসই পুনঃএকীকরণ বিষয়ে গল্প, আলোচনা ও প্রশিক্ষণ।",
        INTRO_HEADING: "কেন এই প্রচারাভিযান",
        INTRO_TEXT: (
            "প্রতি বছর অনেক অভিবাসী তাঁদের নিজ দেশে ফিরে আসেন। "
            "এখানে প্রত্যাবর্তনকারী, তাঁদের পরিবার ও সমাজ নিজেদের ভাষায় বলেন, "
            "নতুন করে শুরু করতে কী লাগে।"
        ),
        FEATURED_STORY_HEADING: "নির্বাচিত গল্প",
        FEATURED_STORY_BUTTON: "গল্পটি দেখুন",
        LATEST_STORIES: "সাম্প্রতিক গল্প",
        ALL_STORIES: "সব গল্প",
        LATEST_EPISODES: "পডকাস্ট থেকে",
        ALL_PODCASTS: "সব পডকাস্ট",
        LATEST_MODULES: "প্রশিক্ষণ মডিউল",
        ALL_MODULES: "সব মডিউল",
        HOME_FACT: "পুনরেকীকরণ টেকসই হয় যখন প্রত্যাবর্তনকারীরা তাদের সমাজে অর্থনৈতিক স্বনির্ভরতা, সামাজিক স্থিতিশীলতা ও মনোসামাজিক সুস্থতা অর্জন করেন।",
        HOME_FACT_SOURCE: "প্রত্যাবর্তনের প্রেক্ষাপটে পুনরেকীকরণের একটি সমন্বিত পদ্ধতির দিকে, ২০১৭",
        CTA_HEADING: "পডকাস্ট শুনুন",
        CTA_TEXT: "পুনঃএকীকরণে কী কাজ করে, তা নিয়ে বিশেষজ্ঞ ও অনুশীলনকারীদের আলোচনা।",
        CTA_BUTTON: "এখনই শুনুন",
        STORIES_TITLE: "গল্প",
        STORIES_INTRO: "প্রত্যাবর্তনকারী, পরিবার ও সমাজের ছোট ভিডিও, বহু ভাষায় সাবটাইটেলসহ।",
        PODCASTS_TITLE: "পডকাস্ট",
        PODCASTS_INTRO: "বিশেষজ্ঞ ও অনুশীলনকারীদের সংলাপের একটি পডকাস্ট সিরিজ।",
        TRAINING_TITLE: "প্রশিক্ষণ",
        TRAINING_INTRO: "প্রশিক্ষকদের নিজস্ব কোর্সে ব্যবহারের জন্য সক্ষমতা উন্নয়ন মডিউল।",
    },
    "am": {
        HOME_TITLE: "ደህንነቱ የተጠበቀ መመለስ፣ አዲስ ጅማሮ",
        HOME_TAGLINE: "ስለ ስደተኞች መመለስ እና ዘላቂ መልሶ መቀላቀል ታሪኮች፣ ውይይቶች እና ስልጠናዎች።",
        INTRO_HEADING: "ይህ ዘመቻ ለምን",
        INTRO_TEXT: (
            "በየዓመቱ ብዙ ስደተኞች ወደ ትውልድ አገራቸው ይመለሳሉ። "
            "እዚህ ተመላሾች፣ ቤተሰቦቻቸው እና ማህበረሰቦቻቸው በራሳቸው ቃል "
            "እንደገና ለመጀመር ምን እንደሚያስፈልግ ይናገራሉ።"
        ),
        FEATURED_STORY_HEADING: "ተመራጭ ታሪክ",
        FEATURED_STORY_BUTTON: "ታሪኩን ይመልከቱ",
        LATEST_STORIES: "የቅርብ ጊዜ ታሪኮች",
        ALL_STORIES: "ሁሉም ታሪኮች",
        LATEST_EPISODES: "ከፖድካስቱ",
        ALL_PODCASTS: "ሁሉም ፖድካስቶች",
        LATEST_MODULES: "የስልጠና ሞጁሎች",
        ALL_MODULES: "ሁሉም ሞጁሎች",
        HOME_FACT: "መልሶ መቋቋም ዘላቂ የሚሆነው ተመላሾች በማኅበረሰባቸው ውስጥ ኢኮኖሚያዊ ራስን መቻል፣ ማኅበራዊ መረጋጋት እና ሥነ ልቦናዊ ደህንነት ሲያገኙ ነው።",
        HOME_FACT_SOURCE: "በመመለስ አውድ ውስጥ ወደ የተቀናጀ የመልሶ መቋቋም አቀራረብ፣ 2017",
        CTA_HEADING: "ፖድካስቱን ያዳምጡ",
        CTA_TEXT: "ባለሙያዎች እና ተግባር ላይ ያሉ ሰዎች በመልሶ መቀላቀል ውስጥ የሚሠራውን ይወያያሉ።",
        CTA_BUTTON: "አሁን ያዳምጡ",
        STORIES_TITLE: "ታሪኮች",
        STORIES_INTRO: "የተመላሾች፣ የቤተሰቦች እና የማህበረሰቦች አጭር ቪዲዮዎች፣ በብዙ ቋንቋዎች ንዑስ ጽሑፍ።",
        PODCASTS_TITLE: "ፖድካስቶች",
        PODCASTS_INTRO: "በባለሙያዎች እና በተግባር ሰዎች መካከል የሚደረጉ ውይይቶች ፖድካስት ተከታታይ።",
        TRAINING_TITLE: "ስልጠና",
        TRAINING_INTRO: "አሰልጣኞች በራሳቸው ኮርሶች የሚጠቀሙባቸው የአቅም ግንባታ ሞጁሎች።",
    },
    "ka": {
        HOME_TITLE: "უსაფრთხო დაბრუნება, ახალი დასაწყისი",
        HOME_TAGLINE: "ისტორიები, საუბრები და ტრენინგები მიგრანტთა დაბრუნებისა და მდგრადი რეინტეგრაციის შესახებ.",
        INTRO_HEADING: "რატომ ეს კამპანია",
        INTRO_TEXT: (
            "ყოველწლიურად ბევრი მიგრანტი ბრუნდება წარმოშობის ქვეყანაში. "
            "აქ დაბრუნებულები, მათი ოჯახები და თემები საკუთარი სიტყვებით გვიყვებიან, "
            "რა სჭირდება თავიდან დაწყებას."
        ),
        FEATURED_STORY_HEADING: "რჩეული ისტორია",
        FEATURED_STORY_BUTTON: "ისტორიის ნახვა",
        LATEST_STORIES: "ახალი ისტორიები",
        ALL_STORIES: "ყველა ისტორია",
        LATEST_EPISODES: "პოდკასტიდან",
        ALL_PODCASTS: "ყველა პოდკასტი",
        LATEST_MODULES: "სასწავლო მოდულები",
        ALL_MODULES: "ყველა მოდული",
        HOME_FACT: "რეინტეგრაცია მდგრადია, როცა დაბრუნებულები თავიანთ თემში აღწევენ ეკონომიკურ დამოუკიდებლობას, სოციალურ სტაბილურობას და ფსიქოსოციალურ კეთილდღეობას.",
        HOME_FACT_SOURCE: "დაბრუნების კონტექსტში რეინტეგრაციისადმი ინტეგრირებული მიდგომისკენ, 2017",
        CTA_HEADING: "მოუსმინეთ პოდკასტს",
        CTA_TEXT: "ექსპერტები და პრაქტიკოსები განიხილავენ, რა მუშაობს რეინტეგრაციაში.",
        CTA_BUTTON: "მოსმენა",
        STORIES_TITLE: "ისტორიები",
        STORIES_INTRO: "მოკლე ვიდეოები დაბრუნებულებზე, ოჯახებსა და თემებზე, სუბტიტრებით მრავალ ენაზე.",
        PODCASTS_TITLE: "პოდკასტები",
        PODCASTS_INTRO: "პოდკასტების სერია ექსპერტებისა და პრაქტიკოსების დიალოგებით.",
        TRAINING_TITLE: "ტრენინგი",
        TRAINING_INTRO: "შესაძლებლობების განვითარების მოდულები ტრენერებისთვის საკუთარ კურსებში გამოსაყენებლად.",
    },
    "sr": {
        HOME_TITLE: "Безбедан повратак, нови почеци",
        HOME_TAGLINE: "Приче, разговори и обуке о повратку миграната и одрживој реинтеграцији.",
        INTRO_HEADING: "Зашто ова кампања",
        INTRO_TEXT: (
            "Сваке године многи мигранти се враћају у своје земље порекла. "
            "Овде повратници, њихове породице и заједнице својим речима причају "
            "шта је потребно да би се почело испочетка."
        ),
        FEATURED_STORY_HEADING: "Издвојена прича",
        FEATURED_STORY_BUTTON: "Погледајте причу",
        LATEST_STORIES: "Најновије приче",
        ALL_STORIES: "Све приче",
        LATEST_EPISODES: "Из подкаста",
        ALL_PODCASTS: "Сви подкасти",
        LATEST_MODULES: "Модули обуке",
        ALL_MODULES: "Сви модули",
        HOME_FACT: "Реинтеграција је одржива када повратници у својој заједници постигну економску самосталност, друштвену стабилност и психосоцијално благостање.",
        HOME_FACT_SOURCE: "Ка интегрисаном приступу реинтеграцији у контексту повратка, 2017",
        CTA_HEADING: "Слушајте подкаст",
        CTA_TEXT: "Стручњаци и практичари разговарају о томе шта делује у реинтеграцији.",
        CTA_BUTTON: "Слушајте сада",
        STORIES_TITLE: "Приче",
        STORIES_INTRO: "Кратки видео-снимци повратника, породица и заједница, са титловима на више језика.",
        PODCASTS_TITLE: "Подкасти",
        PODCASTS_INTRO: "Серија подкаста са дијалозима стручњака и практичара.",
        TRAINING_TITLE: "Обука",
        TRAINING_INTRO: "Модули за изградњу капацитета које тренери користе у сопственим курсевима.",
    },
    "fil": {
        HOME_TITLE: "Ligtas na Pagbabalik, Bagong Simula",
        HOME_TAGLINE: "Mga kuwento, talakayan at pagsasanay tungkol sa pagbabalik ng mga migrante at napapanatiling reintegrasyon.",
        INTRO_HEADING: "Bakit ang kampanyang ito",
        INTRO_TEXT: (
            "Taun-taon, maraming migrante ang bumabalik sa kanilang bansang pinagmulan. "
            "Dito, ikinukuwento ng mga nagbalik, ng kanilang pamilya at komunidad, "
            "sa sarili nilang salita, kung ano ang kailangan upang magsimulang muli."
        ),
        FEATURED_STORY_HEADING: "Tampok na kuwento",
        FEATURED_STORY_BUTTON: "Panoorin ang kuwento",
        LATEST_STORIES: "Mga pinakabagong kuwento",
        ALL_STORIES: "Lahat ng kuwento",
        LATEST_EPISODES: "Mula sa podcast",
        ALL_PODCASTS: "Lahat ng podcast",
        LATEST_MODULES: "Mga module ng pagsasanay",
        ALL_MODULES: "Lahat ng module",
        HOME_FACT: "Pangmatagalan ang reintegrasyon kapag nakamit ng mga bumalik ang sariling kakayahang pang-ekonomiya, katatagang panlipunan at kabutihang psychosocial sa kanilang komunidad.",
        HOME_FACT_SOURCE: "Tungo sa isang pinagsamang pamamaraan sa reintegrasyon sa konteksto ng pagbabalik, 2017",
        CTA_HEADING: "Pakinggan ang podcast",
        CTA_TEXT: "Tinatalakay ng mga eksperto at practitioner kung ano ang epektibo sa reintegrasyon.",
        CTA_BUTTON: "Makinig ngayon",
        STORIES_TITLE: "Mga Kuwento",
        STORIES_INTRO: "Maiikling video ng mga nagbalik, pamilya at komunidad, may subtitle sa maraming wika.",
        PODCASTS_TITLE: "Mga Podcast",
        PODCASTS_INTRO: "Isang serye ng podcast ng mga diyalogo ng mga eksperto at practitioner.",
        TRAINING_TITLE: "Pagsasanay",
        TRAINING_INTRO: "Mga module sa pagpapaunlad ng kakayahan para gamitin ng mga tagapagsanay sa sarili nilang kurso.",
    },
}
