#!/bin/sh
# Start CUPS with a cups-pdf queue for the printing test (tests/test_printing_printer.py).
# Usage: scripts/ci-cups.sh [QUEUE]   then: export DOITHOAI_TEST_PRINTER=QUEUE (default PDF)
# Needs root (CI container). Printed files land in the folder set by "Out" in
# /etc/cups/cups-pdf.conf (Debian: ${HOME}/PDF of the job owner, i.e. /root/PDF
# for jobs sent by root; anonymous jobs go to /var/spool/cups-pdf/ANONYMOUS).
set -eu
QUEUE="${1:-PDF}"
if ! command -v cupsd >/dev/null 2>&1 || [ ! -x /usr/lib/cups/backend/cups-pdf ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cups printer-driver-cups-pdf >/dev/null
fi
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    cupsd                      # daemonises itself
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        lpstat -r 2>/dev/null | grep -q "is running" && break
        sleep 0.5
    done
fi
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
    lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$PPD"
fi
cupsenable "$QUEUE" 2>/dev/null || true
cupsaccept "$QUEUE" 2>/dev/null || true
lpstat -p "$QUEUE"
echo "export DOITHOAI_TEST_PRINTER=$QUEUE"
