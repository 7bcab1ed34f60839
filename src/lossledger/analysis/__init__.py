"""Analysis: what the ledger's figures mean together — reconciliation, comparisons, estimates."""
