"""The demo forum's code of conduct: version 1 in the six languages, based on the IGF Code of
Conduct (intgovforum.org/en/content/igf-code-of-conduct), accepted by everyone already in the
demo, and the conduct officers' group."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction

from igf.conduct.models import Acceptance, Code
from igf.conduct.services import publish_code, report_concern
from igf.core.demo import DemoAccount, DemoContext
from igf.people.demo import DEMO_PASSWORD
from igf.people.models import Person, User

CODE_TEXTS: dict[str, tuple[str, str]] = {
    "en": (
        "IGF Code of Conduct",
        """The Internet Governance Forum brings together people of every stakeholder group, region and background. This code applies to everything on this platform and to every IGF activity: the annual meeting, intersessional work, online meetings, mailing lists and public comment.

**Every participant is asked to:**

1. Treat everyone with respect, whatever their nationality, gender, ethnicity, religion, disability, age or sexual orientation.
2. Discuss issues, not people: no personal attacks.
3. Be reasonable and objective, and listen to all stakeholders.
4. Act in good faith and be open about whom you speak for.
5. Behave ethically, and respect the time and privacy of others.

**Harassment of IGF participants, in any form, will not be tolerated.** This includes sexual harassment, as set out in the UN Code of Conduct to Prevent Harassment, including Sexual Harassment, at UN System Events.

**Reporting.** Anyone may report a concern with the “Report a concern” link beside any contribution or profile, or with the form for conduct in a meeting. Reports are confidential to the conduct officers, who look into each one and tell the reporter when it has been handled.

**Consequences.** The conduct officers may take no action, give a warning, hide content, or suspend a person's participation until a date. Serious breaches can lead to removal from activities hosted by the IGF Secretariat.""",
    ),
    "fr": (
        "Code de conduite de l’IGF",
        """Le Forum sur la gouvernance de l’Internet réunit des personnes de tous les groupes de parties prenantes, de toutes les régions et de tous les horizons. Ce code s’applique à tout ce qui se fait sur cette plateforme et à toutes les activités de l’IGF : la réunion annuelle, les travaux intersessions, les réunions en ligne, les listes de diffusion et les consultations publiques.

**Chaque participant est invité à :**

1. Traiter chacun avec respect, quels que soient sa nationalité, son genre, son origine ethnique, sa religion, son handicap, son âge ou son orientation sexuelle.
2. Débattre des questions, pas des personnes : aucune attaque personnelle.
3. Rester raisonnable et objectif, et écouter toutes les parties prenantes.
4. Agir de bonne foi et dire clairement au nom de qui il s’exprime.
5. Se conduire de manière éthique et respecter le temps et la vie privée d’autrui.

**Le harcèlement des participants de l’IGF, sous quelque forme que ce soit, ne sera pas toléré.** Cela comprend le harcèlement sexuel, tel que défini dans le Code de conduite des Nations Unies visant à prévenir le harcèlement, notamment le harcèlement sexuel, lors des manifestations du système des Nations Unies.

**Signalement.** Chacun peut signaler un problème grâce au lien « Signaler un problème » placé à côté de chaque contribution ou profil, ou au moyen du formulaire relatif à la conduite en réunion. Les signalements sont confidentiels et réservés aux responsables de la conduite, qui examinent chacun d’eux et informent son auteur lorsqu’il a été traité.

**Conséquences.** Les responsables de la conduite peuvent ne prendre aucune mesure, adresser un avertissement, masquer un contenu ou suspendre la participation d’une personne jusqu’à une date donnée. Les manquements graves peuvent entraîner l’exclusion des activités organisées par le Secrétariat de l’IGF.""",
    ),
    "es": (
        "Código de Conducta del IGF",
        """El Foro para la Gobernanza de Internet reúne a personas de todos los grupos de partes interesadas, regiones y orígenes. Este código se aplica a todo lo que se hace en esta plataforma y a todas las actividades del IGF: la reunión anual, el trabajo entre sesiones, las reuniones en línea, las listas de correo y las consultas públicas.

**Se pide a cada participante que:**

1. Trate a todas las personas con respeto, sea cual sea su nacionalidad, género, origen étnico, religión, discapacidad, edad u orientación sexual.
2. Debata sobre los temas, no sobre las personas: nada de ataques personales.
3. Sea razonable y objetivo, y escuche a todas las partes interesadas.
4. Actúe de buena fe y diga con claridad en nombre de quién habla.
5. Se comporte de manera ética y respete el tiempo y la privacidad de los demás.

**No se tolerará el acoso a participantes del IGF en ninguna de sus formas.** Esto incluye el acoso sexual, tal como lo define el Código de Conducta para Prevenir el Acoso, incluido el Acoso Sexual, en los Eventos del Sistema de las Naciones Unidas.

**Denuncias.** Cualquier persona puede comunicar un problema con el enlace «Comunicar un problema» junto a cada contribución o perfil, o con el formulario sobre la conducta en una reunión. Las denuncias son confidenciales y solo las leen los responsables de conducta, que examinan cada una e informan a quien la presentó cuando se ha tramitado.

**Consecuencias.** Los responsables de conducta pueden no tomar ninguna medida, dar una advertencia, ocultar contenido o suspender la participación de una persona hasta una fecha. Las infracciones graves pueden dar lugar a la exclusión de las actividades organizadas por la Secretaría del IGF.""",
    ),
    "ru": (
        "Кодекс поведения IGF",
        """Форум по вопросам управления интернетом объединяет людей из всех групп заинтересованных сторон, регионов и слоёв общества. Этот кодекс действует на всей платформе и во всех мероприятиях IGF: на ежегодном совещании, в межсессионной работе, на онлайн-встречах, в списках рассылки и в публичных обсуждениях.

**Каждого участника просят:**

1. Относиться ко всем с уважением независимо от гражданства, пола, этнической принадлежности, религии, инвалидности, возраста или сексуальной ориентации.
2. Обсуждать вопросы, а не людей: никаких личных нападок.
3. Быть разумным и объективным и выслушивать все заинтересованные стороны.
4. Действовать добросовестно и открыто говорить, от чьего имени вы выступаете.
5. Вести себя этично и уважать время и частную жизнь других.

**Преследование участников IGF в любой форме недопустимо.** Это касается и сексуальных домогательств в смысле Кодекса поведения ООН по предотвращению домогательств, включая сексуальные домогательства, на мероприятиях системы ООН.

**Сообщения.** Любой может сообщить о проблеме по ссылке «Сообщить о проблеме» рядом с любым материалом или профилем либо через форму о поведении на заседании. Сообщения конфиденциальны: их читают только уполномоченные по вопросам поведения, которые рассматривают каждое и сообщают автору, когда оно рассмотрено.

**Последствия.** Уполномоченные по вопросам поведения могут не принимать мер, вынести предупреждение, скрыть материал или приостановить участие человека до определённой даты. Серьёзные нарушения могут повлечь отстранение от мероприятий, проводимых Секретариатом IGF.""",
    ),
    "zh-hans": (
        "互联网治理论坛行为守则",
        """互联网治理论坛汇聚了来自各利益攸关方群体、各地区和各种背景的人士。本守则适用于本平台上的一切活动以及论坛的所有活动：年会、闭会期间工作、在线会议、邮件列表和公众意见征询。

**请每位参与者：**

1. 尊重每一个人，无论其国籍、性别、族裔、宗教、残疾、年龄或性取向。
2. 对事不对人：不进行人身攻击。
3. 保持理性和客观，倾听所有利益攸关方的意见。
4. 真诚行事，并公开说明自己代表谁发言。
5. 遵守道德，尊重他人的时间和隐私。

**不容忍以任何形式骚扰论坛参与者。** 这包括《联合国系统活动中防止骚扰（包括性骚扰）行为守则》所界定的性骚扰。

**举报。** 任何人都可以通过每条内容或个人资料旁的“举报问题”链接，或通过会议中行为的举报表格提出关切。举报内容保密，只有行为守则专员可以查看；他们会处理每一份举报，并在处理完毕后告知举报人。

**后果。** 行为守则专员可以不采取行动、发出警告、隐藏内容，或暂停某人的参与直至某一日期。严重违反者可被禁止参加论坛秘书处主办的活动。""",
    ),
    "ar": (
        "مدونة قواعد السلوك لمنتدى حوكمة الإنترنت",
        """يجمع منتدى حوكمة الإنترنت أشخاصًا من جميع فئات أصحاب المصلحة ومن كل المناطق والخلفيات. تسري هذه المدونة على كل ما يجري في هذه المنصة وعلى جميع أنشطة المنتدى: الاجتماع السنوي، والعمل فيما بين الدورات، والاجتماعات عبر الإنترنت، والقوائم البريدية، والتعليق العام.

**يُطلب من كل مشارك أن:**

1. يعامل الجميع باحترام، أيًّا كانت جنسيتهم أو نوعهم الاجتماعي أو أصلهم العرقي أو دينهم أو إعاقتهم أو سنّهم أو ميولهم الجنسية.
2. يناقش القضايا لا الأشخاص: لا هجمات شخصية.
3. يكون معقولًا وموضوعيًّا، ويستمع إلى جميع أصحاب المصلحة.
4. يتصرف بحسن نية ويوضح بصراحة باسم من يتحدث.
5. يتحلى بالسلوك الأخلاقي ويحترم وقت الآخرين وخصوصيتهم.

**لن يُتسامح مع مضايقة المشاركين في المنتدى بأي شكل من الأشكال.** ويشمل ذلك التحرش الجنسي على النحو المبيَّن في مدونة قواعد السلوك لمنع التحرش، بما في ذلك التحرش الجنسي، في فعاليات منظومة الأمم المتحدة.

**الإبلاغ.** يمكن لأي شخص الإبلاغ عن مشكلة عبر رابط «الإبلاغ عن مشكلة» بجوار أي مساهمة أو ملف شخصي، أو عبر استمارة السلوك في الاجتماعات. البلاغات سرية لا يطّلع عليها إلا مسؤولو السلوك، الذين ينظرون في كل بلاغ ويُعلمون صاحبه عند معالجته.

**العواقب.** يجوز لمسؤولي السلوك عدم اتخاذ أي إجراء، أو توجيه تحذير، أو إخفاء المحتوى، أو تعليق مشاركة الشخص حتى تاريخ محدد. وقد تؤدي المخالفات الجسيمة إلى الاستبعاد من الأنشطة التي تستضيفها أمانة المنتدى.""",
    ),
}


OFFICER = ("conduct@example.org", "Olu Conduct Officer")


def _officer() -> User:
    """The demo's conduct officer (they set up a second factor on first sign-in)."""
    email, name = OFFICER
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create(email=email, password=make_password(DEMO_PASSWORD))
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        Person.objects.filter(user=user).update(display_name=name)
    group, _created = Group.objects.get_or_create(name=settings.IGF_CONDUCT_OFFICERS_GROUP)
    user.groups.add(group)
    return user


def seed(context: DemoContext) -> list[DemoAccount]:
    """Version 1 of the code, accepted by the people already in the demo, a conduct officer
    and one open report about a profile; once only."""
    account = DemoAccount(email=OFFICER[0], password=DEMO_PASSWORD, role="conduct officer")
    if Code.objects.exists():
        return [account]
    with transaction.atomic():
        _officer()
        code = publish_code(by=None, texts=CODE_TEXTS, changes="")
        Acceptance.objects.bulk_create(
            Acceptance(person=person, code=code) for person in Person.objects.all()
        )
        reporter = User.objects.filter(email="member@example.org").first()
        reported = Person.objects.filter(user__email__startswith="person").order_by("pk").first()
        if reporter is not None and reported is not None:
            report_concern(
                by=reporter,
                subject=reported,
                description="This profile advertises a commercial service and links to it "
                "in every comment.",
            )
    return [account]
