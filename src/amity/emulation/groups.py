"""The emulation clusters as groups a document may be sent to (`App.recipient_groups`, read by
`amity.documents.distribution`): the clusters of the latest year that has any."""

from functools import partial

from amity.documents.distribution import RecipientGroup
from amity.emulation.models import Cluster


def _members(cluster_id: int) -> list[int]:
    return list(Cluster.objects.get(pk=cluster_id).members.values_list("pk", flat=True))


def recipient_groups() -> list[RecipientGroup]:
    latest = Cluster.objects.order_by("-year").values_list("year", flat=True).first()
    if latest is None:
        return []
    clusters = Cluster.objects.filter(year=latest).order_by("name", "pk")
    return [
        RecipientGroup(
            f"emulation-cluster-{cluster.pk}",
            f"{cluster.name} ({cluster.year})",
            partial(_members, cluster.pk),
        )
        for cluster in clusters
    ]
