"""Demo training modules in English, French and Arabic."""

MODULE_LANGUAGES = ("fr", "ar")

MODULES = [
    {
        "slug": "understanding-sustainable-reintegration",
        "video_country": "SN",
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
    },
    {
        "slug": "case-management-for-returnees",
        "video_country": "ET",
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
        "video_country": "MA",
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
