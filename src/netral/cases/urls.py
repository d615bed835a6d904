from django.urls import path

from netral.cases.views import detail, files, inbox

app_name = "cases"
urlpatterns = [
    path("", inbox.inbox, name="inbox"),
    path("baru/", detail.new_case, name="new"),
    path("tenggat/", inbox.deadlines, name="deadlines"),
    path("aksi-massal/", inbox.bulk, name="bulk"),
    path("<int:pk>/", detail.detail, name="detail"),
    path("<int:pk>/jalur/<int:track_pk>/<slug:code>/", detail.transition, name="transition"),
    path("<int:pk>/pelapor/", detail.reporter, name="reporter"),
    path("<int:pk>/bukti/", detail.add_evidence, name="evidence_add"),
    path("<int:pk>/bukti/<int:evidence_pk>/unduh/", files.evidence_download, name="evidence_download"),
    path("<int:pk>/surat/<slug:kind>/", files.generate_letter, name="letter_generate"),
    path("<int:pk>/dokumen/<int:file_pk>/unduh/", files.document_download, name="document_download"),
]
