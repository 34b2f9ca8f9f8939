// Events: keeps an event page's totals live while bridge points report (polling the totals API every few
// seconds, which works behind any proxy and on several instances), and prints the QR sheet.
(function () {
    'use strict';

    var print = document.getElementById('print-sheet');
    if (print) {
        print.addEventListener('click', function () { window.print(); });
    }

    var totals = document.getElementById('totals');
    if (!totals || !window.fetch) {
        return;
    }

    var url = totals.getAttribute('data-totals-url');
    var lang = document.documentElement.lang === 'en' ? 'en' : 'vi-VN';
    var format = new Intl.NumberFormat(lang);
    var delay = 3000;

    function show(data) {
        var cells = totals.querySelectorAll('[data-total]');
        for (var i = 0; i < cells.length; i++) {
            var name = cells[i].getAttribute('data-total');
            if (typeof data[name] === 'number') {
                var text = format.format(data[name]);
                if (cells[i].textContent !== text) {
                    cells[i].textContent = text;
                }
            }
        }
    }

    function poll() {
        if (document.hidden) {
            window.setTimeout(poll, delay);
            return;
        }

        fetch(url, { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (data) { if (data) { show(data); } })
            .catch(function () { /* the next poll tries again */ })
            .then(function () { window.setTimeout(poll, delay); });
    }

    window.setTimeout(poll, delay);
}());
