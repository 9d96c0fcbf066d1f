"""Records of proposals and consultations for the tests, unique fields varied by `index`."""

from datetime import date, timedelta

from amity.proposals import models
from amity.proposals.choices import ConsultationStatus, Position, ProposalSource


def proposal(orgs, owner, index=0, **extra):
    fields = {
        "organization": owner,
        "raised_on": date(2024, 4, 19),
        "source": ProposalSource.LETTER,
        "topic": models.Topic.objects.get(code="charter"),
        "title": f"Kiến nghị {index}",
        "text": "Sớm thống nhất mô hình tổ chức.",
        "addressed_to": orgs.department,
        **extra,
    }
    return models.Proposal.objects.create(**fields)


def consultation(owner, index=0, **extra):
    today = date.today()
    fields = {
        "organization": owner,
        "title_vi": f"Lấy ý kiến dự thảo Điều lệ {index}",
        "document": "Điều lệ (sửa đổi)",
        "opens_on": today - timedelta(days=10),
        "deadline": today + timedelta(days=20),
        "status": ConsultationStatus.OPEN,
        **extra,
    }
    return models.Consultation.objects.create(**fields)


def article(consultation_, number=1, text="Liên hiệp là tổ chức chính trị - xã hội."):
    return models.ConsultationArticle.objects.create(
        consultation=consultation_, number=number, heading=f"Điều {number}", text=text
    )


def response(consultation_, organization, **extra):
    return models.ConsultationResponse.objects.create(
        consultation=consultation_, organization=organization, **extra
    )


def position(response_, article_, kind=Position.AGREE, proposed_text="", comment=""):
    return models.ArticlePosition.objects.create(
        response=response_,
        article=article_,
        position=kind,
        proposed_text=proposed_text,
        comment=comment,
    )
