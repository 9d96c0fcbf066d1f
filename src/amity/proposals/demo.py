"""The demo data set of proposals: what the Union presidents proposed at the online conference of
19 April 2024 and what the President of the central Union answered (as the articles in
`shared/seeds/` report them), a few more proposals for the board, and the consultation on the
amended Charter with the responses of part of the provincial Unions.

Everything is marked "[demo]" in its notes and has an `external_ref` "demo-prop-…". It builds on
the registry's demo set and, when it is loaded, on the events' (the conference).
"""

import random
from datetime import date, timedelta

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from amity.accounts.models import User
from amity.core.demo_dates import demo_today
from amity.events.models import Event
from amity.organizations.choices import OrganizationKind, OrganizationStatus
from amity.organizations.models import Organization
from amity.proposals.choices import (
    ActionState,
    AnswerState,
    ConsultationStatus,
    Position,
    ProposalSource,
    ProposalStatus,
)
from amity.proposals.models import (
    ArticlePosition,
    Consultation,
    ConsultationArticle,
    ConsultationResponse,
    Proposal,
    ProposalAction,
    Topic,
)

SEED = 2024
MARK = "[demo]"
REF = "demo-prop-"
CONFERENCE_DAY = date(2024, 4, 19)

#: (union's external_ref, president, topic code, title, text, department, answer, status)
CONFERENCE_PROPOSALS = [
    (
        "demo-org-danang",
        "Nguyễn Ngọc Bình, Chủ tịch",
        "party-documents",
        "Sớm thể chế hóa Quyết định số 118-QĐ/TW của Ban Bí thư",
        "Đề nghị lãnh đạo Liên hiệp kiến nghị Thủ tướng Chính phủ và trao đổi với các bộ, ngành, "
        "địa phương sớm thể chế hóa Quyết định số 118-QĐ/TW ngày 22/8/2023 của Ban Bí thư ban hành "
        "Quy định về tổ chức và hoạt động của các hội quần chúng được Đảng, Nhà nước giao nhiệm "
        "vụ ở "
        "Trung ương.",
        "organization",
        "Quyết định 118-QĐ/TW đã có hiệu lực. Theo chỉ đạo của Thường trực Ban Bí thư tại cuộc họp "
        "ngày 10/01/2024, từ nay đến 30/6 Bộ Nội vụ sẽ trình ban hành Nghị định sửa đổi Nghị định "
        "45/2010/NĐ-CP; Ban Dân vận Trung ương sẽ có hướng dẫn cụ thể trên cơ sở đó.",
        ProposalStatus.IN_PROGRESS,
    ),
    (
        "demo-org-binhduong",
        "Trần Thị Kim Vân, Chủ tịch",
        "name",
        "Thống nhất mô hình tổ chức, bộ máy, tên gọi và nhận diện của hệ thống",
        "Cần thống nhất, đồng bộ mô hình tổ chức, bộ máy, tên gọi và bộ nhận diện của hệ thống "
        "Liên "
        "hiệp các tổ chức hữu nghị Việt Nam.",
        "organization",
        "Liên hiệp đang chuẩn hóa thuật ngữ, tên gọi, bộ nhận diện và mẫu văn bản trong toàn hệ "
        "thống; đề án sẽ được trình Đoàn Chủ tịch.",
        ProposalStatus.ACCEPTED,
    ),
    (
        "demo-org-binhduong",
        "Trần Thị Kim Vân, Chủ tịch",
        "emulation",
        "Sớm ban hành mẫu báo cáo thống nhất và quy định về thi đua, khen thưởng",
        "Cần sớm có mẫu báo cáo thống nhất và quy định về công tác thi đua, khen thưởng.",
        "organization",
        "Cơ quan Thường trực đã hoàn thành dự thảo Quy chế thi đua, khen thưởng (sửa đổi), gồm nội "
        "dung phân chia cụm thi đua theo công việc và thi đua theo nhiều chuyên đề.",
        ProposalStatus.IN_PROGRESS,
    ),
    (
        "demo-org-hochiminh",
        "Đỗ Việt Hà, Chủ tịch",
        "charter",
        "Bảo đảm sự thống nhất giữa Điều lệ (sửa đổi) của Liên hiệp và điều lệ các Liên hiệp địa "
        "phương",
        "Cần bảo đảm sự thống nhất giữa Điều lệ (sửa đổi) của Liên hiệp các tổ chức hữu nghị Việt "
        "Nam và điều lệ của các Liên hiệp các tổ chức hữu nghị địa phương; bảo đảm chế độ cho cán "
        "bộ "
        "chuyên trách.",
        "organization",
        "Về sửa đổi Điều lệ, Liên hiệp sẽ lấy ý kiến của 52 Liên hiệp địa phương và trình Đại hội "
        "đại biểu toàn quốc lần thứ VII.",
        ProposalStatus.ACCEPTED,
    ),
    (
        "demo-org-hochiminh",
        "Đỗ Việt Hà, Chủ tịch",
        "emulation",
        "Thành lập cụm thi đua, nhóm công tác theo tính chất, quy mô của Liên hiệp địa phương",
        "Đề nghị nghiên cứu thành lập các cụm thi đua, nhóm công tác theo tính chất, quy mô, mô "
        "hình "
        "của các Liên hiệp địa phương; đưa các sự kiện, hoạt động về địa phương.",
        "organization",
        "Dự thảo Quy chế thi đua, khen thưởng (sửa đổi) đã bao gồm việc phân chia cụm thi đua. "
        "Liên "
        "hiệp sẽ tiếp tục đưa hoạt động của các tổ chức thành viên Trung ương về địa phương.",
        ProposalStatus.IN_PROGRESS,
    ),
    (
        "demo-org-dongnai",
        "Nguyễn Thành Trí, Chủ tịch",
        "ministries",
        "Ký kết thỏa thuận phối hợp với các bộ, ngành liên quan",
        "Đề nghị Liên hiệp ký kết thỏa thuận hợp tác với các bộ, ngành liên quan để Liên hiệp địa "
        "phương hoạt động thuận lợi hơn; các Hội hữu nghị Trung ương hướng dẫn, hỗ trợ các Hội hữu "
        "nghị địa phương.",
        "organization",
        "Liên hiệp sẽ đẩy mạnh ký kết thỏa thuận với các đối tác nước ngoài. Với các bộ, ngành, "
        "Liên "
        "hiệp sẽ tăng cường gặp gỡ, trao đổi và cung cấp thông tin, mời tham gia các cơ chế họp; "
        "khuyến khích các địa phương chủ động phối hợp với các sở, ngành.",
        ProposalStatus.ANSWERED,
    ),
    (
        "demo-org-dongthap",
        "Lê Xuân Hải, Chủ tịch",
        "training",
        "Phối hợp với các trường, học viện đào tạo dài hạn cho cán bộ Liên hiệp địa phương",
        "Đề nghị Liên hiệp Trung ương phối hợp với các trường, học viện tổ chức đào tạo dài hạn "
        "cho "
        "cán bộ Liên hiệp địa phương; thống nhất số lượng biên chế và cơ cấu tổ chức.",
        "organization",
        "Năm 2024 Liên hiệp dự kiến tổ chức hai lớp tập huấn cho lãnh đạo các Liên hiệp địa phương "
        "và cán bộ phụ trách công tác đối ngoại nhân dân ở địa phương.",
        ProposalStatus.IN_PROGRESS,
    ),
    (
        "demo-org-dongthap",
        "Lê Xuân Hải, Chủ tịch",
        "ministries",
        "Nghiên cứu thành lập ban, nhóm công tác phi chính phủ nước ngoài tại địa phương",
        "Đề nghị nghiên cứu thành lập các nhóm, ban công tác phi chính phủ nước ngoài tại địa "
        "phương.",
        "paccom",
        "",
        ProposalStatus.UNDER_REVIEW,
    ),
]

#: further proposals for the board: (topic code, title)
OTHER_PROPOSALS = [
    ("training", "Bồi dưỡng ngoại ngữ cho cán bộ chuyên trách"),
    ("emulation", "Khen thưởng bạn bè quốc tế có đóng góp cho địa phương"),
    ("charter", "Gửi định hướng công tác sớm hơn vào đầu tháng 7"),
    ("ministries", "Phối hợp với Sở Ngoại vụ trong tiếp đón đoàn vào"),
    ("name", "Thống nhất biển hiệu trụ sở các Liên hiệp địa phương"),
    ("party-documents", "Hướng dẫn thực hiện chế độ đối với cán bộ chuyên trách"),
    ("training", "Tổ chức tập huấn vận động viện trợ phi chính phủ nước ngoài"),
    ("charter", "Đưa hoạt động của các Hội hữu nghị Trung ương về địa phương"),
]

ARTICLES = [
    (
        "Tên gọi",
        "Tên gọi của tổ chức là Liên hiệp các tổ chức hữu nghị Việt Nam, tên viết tắt là VUFO.",
    ),
    (
        "Tính chất",
        "Liên hiệp các tổ chức hữu nghị Việt Nam là tổ chức chính trị - xã hội, là "
        "thành viên của Mặt trận Tổ quốc Việt Nam.",
    ),
    (
        "Mục đích",
        "Liên hiệp hoạt động nhằm tăng cường đoàn kết, hữu nghị, hợp tác giữa nhân dân "
        "Việt Nam với nhân dân các nước.",
    ),
    (
        "Thành viên",
        "Thành viên của Liên hiệp gồm các hội hữu nghị song phương và đa phương, các "
        "Liên hiệp các tổ chức hữu nghị tỉnh, thành phố.",
    ),
    (
        "Hệ thống tổ chức",
        "Hệ thống tổ chức gồm Liên hiệp ở Trung ương và Liên hiệp các tổ chức "
        "hữu nghị tỉnh, thành phố trực thuộc Trung ương.",
    ),
    ("Đại hội", "Đại hội đại biểu toàn quốc được tổ chức năm năm một lần."),
    (
        "Tài chính",
        "Tài chính của Liên hiệp gồm ngân sách nhà nước cấp, hội phí và các nguồn thu "
        "hợp pháp khác.",
    ),
    ("Khen thưởng", "Tổ chức, cá nhân có thành tích được khen thưởng theo quy định của pháp luật."),
]

#: wordings some Unions propose, by article number
WORDINGS = {
    2: "Liên hiệp các tổ chức hữu nghị Việt Nam là tổ chức chính trị - xã hội được Đảng, Nhà "
    "nước giao nhiệm vụ, là thành viên của Mặt trận Tổ quốc Việt Nam.",
    5: "Hệ thống tổ chức gồm Liên hiệp ở Trung ương và Liên hiệp các tổ chức hữu nghị tỉnh, "
    "thành phố trực thuộc Trung ương, thống nhất về mô hình và tên gọi.",
    6: "Đại hội đại biểu toàn quốc được tổ chức năm năm một lần, cùng thời điểm với đại hội các "
    "Liên hiệp địa phương.",
}


class Loader:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.today = demo_today()
        self.number = 0
        self.central = Organization.objects.get(
            kind=OrganizationKind.CENTRAL_UNION,
            parent__isnull=True,
            external_ref__startswith="demo",
        )
        self.unions = list(
            Organization.objects.filter(
                kind=OrganizationKind.PROVINCIAL_UNION, status=OrganizationStatus.ACTIVE
            ).order_by("tree_path")
        )
        self.by_ref = {
            org.external_ref: org for org in Organization.objects.exclude(external_ref="")
        }
        self.topics = {topic.code: topic for topic in Topic.objects.all()}
        self.admin = User.objects.filter(username="admin").first()
        self.officer = User.objects.filter(username="central").first() or self.admin
        self.make_leader(self.admin)
        self.conference = self.find_conference()

    @staticmethod
    def make_leader(user) -> None:
        """The demo's leader who approves answers is `admin`: the drafter (`central`) may not
        approve its own drafts."""
        if user is not None and not user.may_approve_answers:
            user.may_approve_answers = True
            user._history_user = user
            user.save(update_fields=["may_approve_answers"])

    def ref(self) -> str:
        self.number += 1
        return f"{REF}{self.number:03d}"

    def department(self, ref):
        return self.by_ref.get(f"demo-dept-{ref}") or self.by_ref["demo-dept-organization"]

    def find_conference(self):
        return Event.objects.filter(
            start=CONFERENCE_DAY, external_ref__startswith="demo-ev-"
        ).first()

    def proposal(self, organization, **fields) -> Proposal:
        where = {"source": ProposalSource.EVENT, "event": self.conference}
        if self.conference is None:
            where = {
                "source": ProposalSource.OTHER,
                "source_reference": "Hội nghị trực tuyến ngày 19/4/2024",
            }
        proposal = Proposal(
            organization=organization, external_ref=self.ref(), notes=MARK, **{**where, **fields}
        )
        proposal._history_user = self.officer
        proposal.save()
        return proposal

    def answer(self, proposal, text, status) -> None:
        """The answer as the workflow writes it: drafted, approved by a leader, published."""
        moment = timezone.make_aware(timezone.datetime(2024, 4, 19, 11, 0))
        proposal.answer_text = text
        proposal.answer_state = AnswerState.PUBLISHED
        proposal.answer_drafted_by = self.officer
        proposal.answer_approved_by = self.admin
        proposal.answer_approved_at = moment
        proposal.answer_published_at = moment
        proposal.status = status
        proposal._history_user = self.admin
        proposal.save()

    def conference_proposals(self) -> list[Proposal]:
        made = []
        for ref, person, topic, title, text, department, answer, status in CONFERENCE_PROPOSALS:
            if ref not in self.by_ref:
                continue
            proposal = self.proposal(
                self.by_ref[ref],
                raised_by_name=person,
                raised_on=CONFERENCE_DAY,
                topic=self.topics[topic],
                title=title,
                text=text,
                addressed_to=self.department("organization"),
                responsible_department=self.department(department),
                due_on=date(2024, 6, 30),
            )
            if answer:
                self.answer(proposal, answer, status)
            made.append(proposal)
        emulation = [p for p in made if p.topic.code == "emulation"]
        if len(emulation) > 1:
            emulation[0].related.add(*emulation[1:])
        training = next((p for p in made if p.topic.code == "training"), None)
        if training is not None:
            # the open one is due after the day the set is loaded, not overdue since 2024
            for action, progress, state, due_on in (
                (
                    "Lớp tập huấn cho lãnh đạo Liên hiệp địa phương",
                    100,
                    ActionState.DONE,
                    date(2024, 12, 15),
                ),
                (
                    "Lớp tập huấn cho cán bộ phụ trách đối ngoại nhân dân",
                    40,
                    ActionState.OPEN,
                    self.today + timedelta(days=45),
                ),
            ):
                ProposalAction.objects.create(
                    proposal=training,
                    action=action,
                    progress=progress,
                    state=state,
                    responsible=self.department("organization"),
                    due_on=due_on,
                    notes=MARK,
                )
        return made

    def other_proposals(self) -> list[Proposal]:
        made = []
        statuses = [value for value, _label in ProposalStatus.choices]
        departments = [org for ref, org in self.by_ref.items() if ref.startswith("demo-dept-")]
        for number in range(24):
            topic, title = OTHER_PROPOSALS[number % len(OTHER_PROPOSALS)]
            union = self.unions[(number * 7) % len(self.unions)]
            raised = self.today - timedelta(days=self.rng.randint(5, 75))
            status = statuses[number % len(statuses)]
            proposal = self.proposal(
                union,
                raised_on=raised,
                source=ProposalSource.REPORT,
                event=None,
                source_reference=f"Báo cáo số {number + 10}/BC-LHHN",
                topic=self.topics[topic],
                title=title,
                text=f"{title}. Kiến nghị của {union.name}.",
                addressed_to=self.rng.choice(departments),
                due_on=raised + timedelta(days=self.rng.choice([30, 45, 60, 90])),
                status=status,
            )
            made.append(proposal)
        return made

    def consultation(self) -> Consultation:
        consultation = Consultation.objects.create(
            organization=self.central,
            title_vi="Lấy ý kiến dự thảo Điều lệ Liên hiệp các tổ chức hữu nghị Việt Nam (sửa đổi)",
            title_en="Consultation on the amended Charter of VUFO",
            document="Dự thảo Điều lệ (sửa đổi) trình Đại hội đại biểu toàn quốc lần thứ VII",
            description="Liên hiệp lấy ý kiến các Liên hiệp địa phương về dự thảo Điều lệ (sửa "
            "đổi) trước khi trình Đại hội.",
            opens_on=self.today - timedelta(days=20),
            deadline=self.today + timedelta(days=25),
            remind_days_before=7,
            status=ConsultationStatus.OPEN,
            external_ref=self.ref(),
            notes=MARK,
        )
        consultation.organizations_asked.set(self.unions)
        articles = [
            ConsultationArticle(
                consultation=consultation, number=number, heading=heading, text=text, notes=MARK
            )
            for number, (heading, text) in enumerate(ARTICLES, start=1)
        ]
        articles = bulk_create_with_history(articles, ConsultationArticle, default_user=self.admin)
        articles = list(consultation.articles.all())
        # Part of the Unions have answered; Ha Noi has not, so that its officer can.
        responding = [u for u in self.unions if u.external_ref != "demo-org-hanoi"]
        responding = responding[: max(1, len(responding) * 2 // 5)]
        responses = bulk_create_with_history(
            [
                ConsultationResponse(
                    consultation=consultation,
                    organization=union,
                    submitted_on=self.today - timedelta(days=self.rng.randint(1, 19)),
                    signed_by="Chủ tịch",
                    notes=MARK,
                )
                for union in responding
            ],
            ConsultationResponse,
            default_user=self.admin,
        )
        responses = list(consultation.responses.all())
        positions = []
        for response in responses:
            for article in articles:
                roll = self.rng.random()
                if article.number in WORDINGS and roll < 0.35:
                    kind, text = Position.AMEND, WORDINGS[article.number]
                elif roll > 0.93:
                    kind, text = Position.DISAGREE, ""
                else:
                    kind, text = Position.AGREE, ""
                comment = "Đề nghị giữ nguyên như dự thảo." if kind == Position.DISAGREE else ""
                positions.append(
                    ArticlePosition(
                        response=response,
                        article=article,
                        position=kind,
                        proposed_text=text,
                        comment=comment,
                        notes=MARK,
                    )
                )
        bulk_create_with_history(positions, ArticlePosition, default_user=self.admin)
        return consultation


def load(stdout) -> dict[str, int]:
    loader = Loader()
    conference = loader.conference_proposals()
    others = loader.other_proposals()
    consultation = loader.consultation()
    counts = {
        "proposals": len(conference) + len(others),
        "consultation responses": consultation.responses.count(),
    }
    stdout.write(
        f"  {counts['proposals']} proposals, {counts['consultation responses']} "
        "responses to the Charter consultation"
    )
    return counts
