"""The printed outputs: the negotiation brief as a PDF (`brief_pdf`), laid out by `layout`."""
