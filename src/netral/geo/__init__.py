"""Administrative regions of Indonesia: provinsi, kabupaten/kota, kecamatan and desa/kelurahan.

`netral.geo.reference` reads the versioned data files and is free of Django, so the text pipeline can use it;
the Django models in `netral.geo.models` hold the same rows for queries, foreign keys and the admin.
"""
