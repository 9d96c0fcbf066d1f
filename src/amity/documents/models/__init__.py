"""Official documents and work orientations (công văn, định hướng, chỉ đạo).

The models live by what they are about, one module each, re-exported here where Django and the
registry look for them:

- `register`: the document register (sổ công văn đi/đến), the template library, the system's
  identity and its glossary of standard terms;
- `orientations`: the centre's work orientations and directives, their tasks, distribution,
  acknowledgements and implementation reports.
"""

# register
# templates
# orientations
from amity.documents.models.orientations import (
    Evidence,
    Orientation,
    OrientationTask,
    Recipient,
    TaskReport,
)
from amity.documents.models.register import (
    RegisterCounter,
    RegisterEntry,
    RegisterFile,
    Term,
)
from amity.documents.models.templates import DocumentTemplate, Identity

__all__ = [
    "RegisterCounter",
    "RegisterEntry",
    "RegisterFile",
    "Term",
    "DocumentTemplate",
    "Identity",
    "Evidence",
    "Orientation",
    "OrientationTask",
    "Recipient",
    "TaskReport",
]
