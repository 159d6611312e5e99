"""Demo training modules in English, French and Arabic; the first in every campaign language."""

MODULES = [
    {
        "slug": "understanding-sustainable-reintegration",
        # two videos: a module page with two players, each with its own transcript
        "video_countries": ["SN", "BD"],
        "audiences": ["programme-managers", "implementing-partners", "donors"],
        "dimensions": ["economic", "social", "psychosocial"],
        "level": "introductory",
        "minutes": 90,
        "en": {
            "title": "Understanding sustainable reintegration",
            "summary": "The three dimensions of reintegration and how they depend on each other.",
            "objectives": [
                "Explain the economic, social and psychosocial dimensions of reintegration.",
                "Recognise how the individual, community and structural levels interact.",
            ],
            "questions": ["What does a successful return look like in your community?"],
            "activity": (
                "Mapping support",
                "In small groups, map the services a returnee can use in your area.",
                30,
            ),
            "guide": "Facilitator guide",
            "handout": "Handout: the three dimensions",
        },
        "fr": {
            "title": "Comprendre la réintégration durable",
            "summary": "Les trois dimensions de la réintégration et leurs liens.",
            "objectives": [
                "Expliquer les dimensions économique, sociale et psychosociale de la réintégration.",
                "Reconnaître comment les niveaux individuel, communautaire et structurel interagissent.",
            ],
            "questions": ["À quoi ressemble un retour réussi dans votre communauté ?"],
            "activity": (
                "Cartographier le soutien",
                "En petits groupes, cartographiez les services accessibles aux personnes de retour dans votre région.",
                30,
            ),
            "guide": "Guide de l’animateur",
            "handout": "Fiche : les trois dimensions",
        },
        "ar": {
            "title": "فهم إعادة الإدماج المستدام",
            "summary": "الأبعاد الثلاثة لإعادة الإدماج وكيف يعتمد بعضها على بعض.",
            "objectives": [
                "شرح الأبعاد الاقتصادية والاجتماعية والنفسية الاجتماعية لإعادة الإدماج.",
                "إدراك كيفية تفاعل المستويات الفردية والمجتمعية والهيكلية.",
            ],
            "questions": ["كيف تبدو العودة الناجحة في مجتمعك؟"],
            "activity": (
                "رسم خريطة الدعم",
                "في مجموعات صغيرة، ارسموا خريطة للخدمات المتاحة للعائدين في منطقتكم.",
                30,
            ),
            "guide": "دليل الميسّر",
            "handout": "نشرة: الأبعاد الثلاثة",
        },
        "es": {
            "title": "Comprender la reintegración sostenible",
            "summary": "Las tres dimensiones de la reintegración y cómo dependen unas de otras.",
            "objectives": [
                "Explicar las dimensiones económica, social y psicosocial de la reintegración.",
                "Reconocer cómo interactúan los niveles individual, comunitario y estructural.",
            ],
            "questions": ["¿Cómo es un retorno exitoso en su comunidad?"],
            "activity": (
                "Mapear el apoyo",
                "En grupos pequeños, mapeen los servicios que una persona retornada puede usar en su zona.",
                30,
            ),
            "guide": "Guía para la persona facilitadora",
            "handout": "Ficha: las tres dimensiones",
        },
        "pt": {
            "title": "Compreender a reintegração sustentável",
            "summary": "As três dimensões da reintegração e como dependem umas das outras.",
            "objectives": [
                "Explicar as dimensões económica, social e psicossocial da reintegração.",
                "Reconhecer como os níveis individual, comunitário e estrutural interagem.",
            ],
            "questions": ["Como é um retorno bem-sucedido na sua comunidade?"],
            "activity": (
                "Mapear o apoio",
                "Em pequenos grupos, mapeiem os serviços que uma pessoa retornada pode usar na sua região.",
                30,
            ),
            "guide": "Guia do facilitador",
            "handout": "Folha: as três dimensões",
        },
        "bn": {
            "title": "টেকসই পুনরেকীকরণ বোঝা",
            "summary": "পুনরেকীকরণের তিনটি মাত্রা এবং সেগুলো কীভাবে একে অপরের ওপর নির্ভর করে।",
            "objectives": [
                "পুনরেকীকরণের অর্থনৈতিক, সামাজিক ও মনোসামাজিক মাত্রা ব্যাখ্যা করা।",
                "ব্যক্তি, সমাজ ও কাঠামোগত স্তর কীভাবে পরস্পরকে প্রভাবিত করে তা চেনা।",
            ],
            "questions": ["আপনার এলাকায় একটি সফল প্রত্যাবর্তন দেখতে কেমন?"],
            "activity": (
                "সহায়তার মানচিত্র",
                "ছোট ছোট দলে, আপনার এলাকায় একজন প্রত্যাবর্তনকারী যে সেবাগুলো পেতে পারেন তার একটি মানচিত্র তৈরি করুন।",
                30,
            ),
            "guide": "সহায়কের নির্দেশিকা",
            "handout": "হ্যান্ডআউট: তিনটি মাত্রা",
        },
        "am": {
            "title": "ዘላቂ መልሶ መቋቋምን መረዳት",
            "summary": "የመልሶ መቋቋም ሦስቱ ገጽታዎችና እርስ በርስ እንዴት እንደሚደጋገፉ።",
            "objectives": [
                "የመልሶ መቋቋምን ኢኮኖሚያዊ፣ ማኅበራዊ እና ሥነ ልቦናዊ ገጽታዎች ማብራራት።",
                "የግለሰብ፣ የማኅበረሰብ እና የመዋቅር ደረጃዎች እንዴት እንደሚገናኙ መገንዘብ።",
            ],
            "questions": ["በማኅበረሰብዎ ውስጥ የተሳካ መመለስ ምን ይመስላል?"],
            "activity": (
                "ድጋፍን መለየት",
                "በትናንሽ ቡድኖች ሆናችሁ ተመላሽ በአካባቢያችሁ ሊጠቀምባቸው የሚችላቸውን አገልግሎቶች በካርታ አስቀምጡ።",
                30,
            ),
            "guide": "የአመቻች መመሪያ",
            "handout": "የእጅ ጽሑፍ፦ ሦስቱ ገጽታዎች",
        },
        "ka": {
            "title": "მდგრადი რეინტეგრაციის გაგება",
            "summary": "რეინტეგრაციის სამი განზომილება და მათი ურთიერთდამოკიდებულება.",
            "objectives": [
                "რეინტეგრაციის ეკონომიკური, სოციალური და ფსიქოსოციალური განზომილებების ახსნა.",
                "იმის გაცნობიერება, თუ როგორ ურთიერთქმედებს ინდივიდუალური, თემის და სტრუქტურული დონეები.",
            ],
            "questions": ["როგორ გამოიყურება წარმატებული დაბრუნება თქვენს თემში?"],
            "activity": (
                "მხარდაჭერის რუკა",
                "მცირე ჯგუფებში შეადგინეთ იმ სერვისების რუკა, რომლებითაც დაბრუნებულს შეუძლია ისარგებლოს თქვენს რეგიონში.",
                30,
            ),
            "guide": "ფასილიტატორის სახელმძღვანელო",
            "handout": "დამხმარე მასალა: სამი განზომილება",
        },
        "sr": {
            "title": "Разумевање одрживе реинтеграције",
            "summary": "Три димензије реинтеграције и како зависе једна од друге.",
            "objectives": [
                "Објаснити економску, друштвену и психосоцијалну димензију реинтеграције.",
                "Препознати како међусобно делују индивидуални, заједнички и структурни ниво.",
            ],
            "questions": ["Како изгледа успешан повратак у вашој заједници?"],
            "activity": (
                "Мапирање подршке",
                "У малим групама мапирајте услуге које повратник може да користи у вашем крају.",
                30,
            ),
            "guide": "Водич за фасилитаторе",
            "handout": "Материјал: три димензије",
        },
        "fil": {
            "title": "Pag-unawa sa pangmatagalang reintegrasyon",
            "summary": "Ang tatlong dimensyon ng reintegrasyon at kung paano sila nakasalalay sa isa't isa.",
            "objectives": [
                "Ipaliwanag ang pang-ekonomiya, panlipunan at psychosocial na dimensyon ng reintegrasyon.",
                "Kilalanin kung paano nag-uugnayan ang antas ng indibidwal, komunidad at estruktura.",
            ],
            "questions": ["Ano ang hitsura ng matagumpay na pagbabalik sa inyong komunidad?"],
            "activity": (
                "Pagmamapa ng suporta",
                "Sa maliliit na grupo, imapa ang mga serbisyong magagamit ng isang bumalik sa inyong lugar.",
                30,
            ),
            "guide": "Gabay ng facilitator",
            "handout": "Handout: ang tatlong dimensyon",
        },
    },
    {
        "slug": "case-management-for-returnees",
        "video_countries": ["ET"],
        "audiences": ["case-managers", "service-providers"],
        "dimensions": ["psychosocial"],
        "level": "intermediate",
        "minutes": 120,
        "en": {
            "title": "Case management for returnees",
            "summary": "Assessing needs, planning with the returnee and referring to services.",
            "objectives": [
                "Conduct a needs assessment with a returnee.",
                "Build a reintegration plan and follow it up.",
            ],
            "questions": ["Which referrals are hardest to make in your area, and why?"],
            "activity": ("Role play", "Practise a first interview in pairs, then swap roles.", 40),
            "guide": "Facilitator guide",
            "handout": "Handout: needs assessment checklist",
        },
        "fr": {
            "title": "La gestion de cas pour les personnes de retour",
            "summary": "Évaluer les besoins, planifier avec la personne de retour et orienter vers les services.",
            "objectives": [
                "Mener une évaluation des besoins avec une personne de retour.",
                "Élaborer un plan de réintégration et en assurer le suivi.",
            ],
            "questions": [
                "Quelles orientations sont les plus difficiles dans votre région, et pourquoi ?"
            ],
            "activity": (
                "Jeu de rôle",
                "Entraînez-vous à un premier entretien en binôme, puis inversez les rôles.",
                40,
            ),
            "guide": "Guide de l’animateur",
            "handout": "Fiche : liste de contrôle de l’évaluation des besoins",
        },
        "ar": {
            "title": "إدارة الحالات للعائدين",
            "summary": "تقييم الاحتياجات والتخطيط مع العائد والإحالة إلى الخدمات.",
            "objectives": [
                "إجراء تقييم للاحتياجات مع العائد.",
                "إعداد خطة لإعادة الإدماج ومتابعتها.",
            ],
            "questions": ["ما الإحالات الأصعب في منطقتك، ولماذا؟"],
            "activity": ("لعب الأدوار", "تدرّبوا على مقابلة أولى في أزواج، ثم تبادلوا الأدوار.", 40),
            "guide": "دليل الميسّر",
            "handout": "نشرة: قائمة تقييم الاحتياجات",
        },
    },
    {
        "slug": "local-government-and-reintegration",
        "video_countries": ["MA"],
        "audiences": ["local-government", "national-government"],
        "dimensions": ["social"],
        "level": "advanced",
        "minutes": 60,
        "en": {
            "title": "Local government and reintegration",
            "summary": "How municipalities can lead coordination and make support last.",
            "objectives": [
                "Identify the local actors involved in reintegration.",
                "Design a coordination mechanism led by the municipality.",
            ],
            "questions": ["Who should lead coordination in your municipality?"],
            "activity": (
                "Coordination design",
                "Draft the terms of reference of a local reintegration working group.",
                45,
            ),
            "guide": "Facilitator guide",
            "handout": "Handout: coordination models",
        },
        "fr": {
            "title": "Les collectivités locales et la réintégration",
            "summary": "Comment les municipalités peuvent piloter la coordination et rendre le soutien durable.",
            "objectives": [
                "Identifier les acteurs locaux de la réintégration.",
                "Concevoir un mécanisme de coordination piloté par la municipalité.",
            ],
            "questions": ["Qui devrait piloter la coordination dans votre municipalité ?"],
            "activity": (
                "Concevoir la coordination",
                "Rédigez le mandat d’un groupe de travail local sur la réintégration.",
                45,
            ),
            "guide": "Guide de l’animateur",
            "handout": "Fiche : modèles de coordination",
        },
        "ar": {
            "title": "الحكم المحلي وإعادة الإدماج",
            "summary": "كيف يمكن للبلديات أن تقود التنسيق وتجعل الدعم مستدامًا.",
            "objectives": [
                "تحديد الجهات المحلية المعنية بإعادة الإدماج.",
                "تصميم آلية تنسيق تقودها البلدية.",
            ],
            "questions": ["من ينبغي أن يقود التنسيق في بلديتك؟"],
            "activity": ("تصميم التنسيق", "صوغوا اختصاصات فريق عمل محلي لإعادة الإدماج.", 45),
            "guide": "دليل الميسّر",
            "handout": "نشرة: نماذج التنسيق",
        },
    },
]
