<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AppOptions</name>
    <message>
        <source>Enrichment Monitor: live dashboard of the music-metadata enrichment pipeline.
Without --url it starts an embedded demo backend on 127.0.0.1 and watches it.</source>
        <translation>Enrichment Monitor: Live-Dashboard der Anreicherungs-Pipeline für Musik-Metadaten.
Ohne --url startet es ein eingebettetes Demo-Backend auf 127.0.0.1 und beobachtet es.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>Bearer token for a protected backend (or set ENRICHMENT_MONITOR_TOKEN).</source>
        <translation>Bearer-Token für ein geschütztes Backend (oder ENRICHMENT_MONITOR_TOKEN setzen).</translation>
    </message>
    <message>
        <source>Headless: wait for data, write every chart as PNG, SVG and CSV plus dashboard.png into DIR, exit.</source>
        <translation>Ohne Fenster: auf Daten warten, jedes Diagramm als PNG, SVG und CSV sowie dashboard.png nach DIR schreiben, beenden.</translation>
    </message>
    <message>
        <source>Seconds --export waits for data (default 30).</source>
        <translation>Sekunden, die --export auf Daten wartet (Standard 30).</translation>
    </message>
    <message>
        <source>User interface language (en, de, es); default: the system&apos;s.</source>
        <translation>Sprache der Oberfläche (en, de, es); Standard: die des Systems.</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--url needs an http(s) URL, got &quot;%1&quot;</source>
        <translation>--url braucht eine http(s)-URL, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--timeout must be an integer from 1 to 3600</source>
        <translation>--timeout muss eine ganze Zahl von 1 bis 3600 sein</translation>
    </message>
    <message>
        <source>PEM file of CA certificates to trust for an https:// backend, besides the system&apos;s.</source>
        <translation>PEM-Datei mit CA-Zertifikaten, denen für ein https://-Backend zusätzlich zu denen des Systems vertraut wird.</translation>
    </message>
    <message>
        <source>List what the Alertmanager at URL says is firing, and notify it (API v2).</source>
        <translation>Zeigt, was der Alertmanager unter URL als aktiv meldet, und benachrichtigt darüber (API v2).</translation>
    </message>
    <message>
        <source>Bearer token for a protected Alertmanager (its proxy).</source>
        <translation>Bearer-Token für einen geschützten Alertmanager (seinen Proxy).</translation>
    </message>
    <message>
        <source>Start in the system tray (minimized where there is no tray).</source>
        <translation>Im Systembereich starten (minimiert, wo es keinen gibt).</translation>
    </message>
    <message>
        <source>Read long history (30 days of success by weekday and hour) from the Prometheus at URL.</source>
        <translation>Langen Verlauf (30 Tage Erfolg nach Wochentag und Stunde) vom Prometheus unter URL lesen.</translation>
    </message>
    <message>
        <source>Bearer token for a protected Prometheus (its proxy).</source>
        <translation>Bearer-Token für einen geschützten Prometheus (seinen Proxy).</translation>
    </message>
    <message>
        <source>Span of the time charts --export writes: 15m, 1h (default), 6h, 24h, or with --prometheus also 7d, 30d.</source>
        <translation>Zeitraum der Zeitdiagramme, die --export schreibt: 15m, 1h (Vorgabe), 6h, 24h, mit --prometheus auch 7d, 30d.</translation>
    </message>
    <message>
        <source>--range must be 15m, 1h, 6h, 24h, 7d or 30d, got &quot;%1&quot;</source>
        <translation>--range muss 15m, 1h, 6h, 24h, 7d oder 30d sein, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--range 7d and 30d need --prometheus (the backend keeps a day)</source>
        <translation>--range 7d und 30d brauchen --prometheus (das Backend hält einen Tag)</translation>
    </message>
    <message>
        <source>Watch the backend at URL (e.g. http://host:8020); starts nothing. Given more than once, each backend gets a tab.</source>
        <translation>Das Backend unter URL beobachten (z. B. http://host:8020); startet nichts. Mehrfach angegeben, bekommt jedes Backend einen Reiter.</translation>
    </message>
    <message>
        <source>%1 needs an http(s) URL, got &quot;%2&quot;</source>
        <translation>%1 braucht eine http(s)-URL, erhalten: „%2“</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 braucht %2</translation>
    </message>
    <message>
        <source>Seconds --export waits after the first data for the charts to fill (default 10; 0: write at once).</source>
        <translation>Sekunden, die --export nach den ersten Daten wartet, bis die Diagramme gefüllt sind (Standard 10; 0: sofort schreiben).</translation>
    </message>
    <message>
        <source>Let --export replace the files of an earlier export.</source>
        <translation>--export darf die Dateien eines früheren Exports ersetzen.</translation>
    </message>
    <message>
        <source>--wait must be an integer from 0 to 3600</source>
        <translation>--wait muss eine ganze Zahl von 0 bis 3600 sein</translation>
    </message>
    <message>
        <source>--wait and --overwrite need --export</source>
        <translation>--wait und --overwrite brauchen --export</translation>
    </message>
</context>
<context>
    <name>HeadlessExport</name>
    <message>
        <source>nothing arrived</source>
        <translation>nichts ist angekommen</translation>
    </message>
    <message>
        <source>no data from %1 within %2 s: %3</source>
        <translation>keine Daten von %1 innerhalb von %2 s: %3</translation>
    </message>
    <message>
        <source>wrote %1 files to %2</source>
        <translation>%1 Dateien nach %2 geschrieben</translation>
    </message>
    <message>
        <source>Prometheus at %1 had not finished answering within %2 s (the backend at %3 had); the long history is what was missing</source>
        <translation>Prometheus unter %1 hat innerhalb von %2 s nicht fertig geantwortet (das Backend unter %3 schon); es fehlte der lange Verlauf</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Not supported by this service: it has no operator endpoints (tracks, failures, actions).</source>
        <translation>Von diesem Dienst nicht unterstützt: Er hat keine Operator-Endpunkte (Tracks, Fehler, Aktionen).</translation>
    </message>
    <message>
        <source>Cop&amp;y CSV</source>
        <translation>CSV &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the rows shown, as CSV</source>
        <translation>Die angezeigten Zeilen als CSV kopieren</translation>
    </message>
    <message>
        <source>Sa&amp;ve CSV…</source>
        <translation>CSV s&amp;peichern…</translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV file</source>
        <translation>Die angezeigten Zeilen als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>CSV speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>dashboard::AlertCenter</name>
    <message>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>Muted for 1 h: %1</source>
        <translation>Für 1 h stummgeschaltet: %1</translation>
    </message>
    <message>
        <source>Alertmanager</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <source>Alertmanager answers at %1</source>
        <translation>Alertmanager antwortet unter %1</translation>
    </message>
    <message>
        <source>Notifications paused</source>
        <translation>Benachrichtigungen pausiert</translation>
    </message>
    <message>
        <source>Notifications resumed</source>
        <translation>Benachrichtigungen fortgesetzt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>dashboard::AlertEngine</name>
    <message>
        <source>Circuit breaker of %1 is open</source>
        <translation>Circuit Breaker von %1 ist offen</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 is probing (half-open)</source>
        <translation>Circuit Breaker von %1 prüft (halb offen)</translation>
    </message>
    <message>
        <source>Calls to %1 are being refused; its tracks are enriched from the other sources.</source>
        <translation>Aufrufe an %1 werden abgewiesen; seine Titel werden aus den anderen Quellen angereichert.</translation>
    </message>
    <message>
        <source>%1 is down</source>
        <translation>%1 ist ausgefallen</translation>
    </message>
    <message>
        <source>Success in the last hour: %1 %.</source>
        <translation>Erfolg in der letzten Stunde: %1 %.</translation>
    </message>
    <message>
        <source>The service reports the source as down.</source>
        <translation>Der Dienst meldet die Quelle als ausgefallen.</translation>
    </message>
    <message>
        <source>%1 is close to its rate limit</source>
        <translation>%1 ist nahe am Ratenlimit</translation>
    </message>
    <message>
        <source>%1 of %2 calls left (below %3 %).</source>
        <translation>%1 von %2 Aufrufen übrig (unter %3 %).</translation>
    </message>
    <message>
        <source>The queue drains slowly</source>
        <translation>Die Warteschlange leert sich langsam</translation>
    </message>
    <message>
        <source>%1 tracks pending; at the current rate they take %2 h (bound: %3 h).</source>
        <translation>%1 Titel ausstehend; beim aktuellen Tempo dauert das %2 h (Grenze: %3 h).</translation>
    </message>
    <message>
        <source>The queue keeps growing</source>
        <translation>Die Warteschlange wächst weiter</translation>
    </message>
    <message>
        <source>%1 tracks pending, %2 more than %3 minutes ago.</source>
        <translation>%1 Titel ausstehend, %2 mehr als vor %3 Minuten.</translation>
    </message>
    <message>
        <source>The pipeline is stuck</source>
        <translation>Die Pipeline steckt fest</translation>
    </message>
    <message>
        <source>No track finished for %1 minutes while %2 are pending.</source>
        <translation>Seit %1 Minuten wurde kein Titel fertig, während %2 ausstehen.</translation>
    </message>
    <message>
        <source>The backend does not answer</source>
        <translation>Das Backend antwortet nicht</translation>
    </message>
    <message>
        <source>No connection for %1 s; the dashboard keeps retrying.</source>
        <translation>Seit %1 s keine Verbindung; das Dashboard versucht es weiter.</translation>
    </message>
    <message>
        <source>Alert %1 is firing</source>
        <translation>Alarm %1 ist aktiv</translation>
    </message>
    <message>
        <source>Alert %1 is firing for %2</source>
        <translation>Alarm %1 ist aktiv für %2</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 is closed again</source>
        <translation>Circuit Breaker von %1 ist wieder geschlossen</translation>
    </message>
    <message>
        <source>%1 has recovered</source>
        <translation>%1 hat sich erholt</translation>
    </message>
    <message>
        <source>The backend answers again</source>
        <translation>Das Backend antwortet wieder</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>Behoben: %1</translation>
    </message>
    <message>
        <source>It stayed clear for %1 s.</source>
        <translation>Es blieb %1 s lang unauffällig.</translation>
    </message>
    <message numerus="yes">
        <source>%n problems at once</source>
        <translation>
            <numerusform>%n Problem auf einmal</numerusform>
            <numerusform>%n Probleme auf einmal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems resolved</source>
        <translation>
            <numerusform>%n Problem behoben</numerusform>
            <numerusform>%n Probleme behoben</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 stopped answering</source>
        <translation>%1 antwortet nicht mehr</translation>
    </message>
    <message>
        <source>The worker missed its heartbeats; its tracks in flight go back to pending when their leases expire.</source>
        <translation>Der Worker hat seine Heartbeats verpasst; seine Titel in Bearbeitung gehen zurück in die Warteschlange, wenn ihre Leases ablaufen.</translation>
    </message>
    <message>
        <source>The worker on %1 missed its heartbeats; its tracks in flight go back to pending when their leases expire.</source>
        <translation>Der Worker auf %1 hat seine Heartbeats verpasst; seine Titel in Bearbeitung gehen zurück in die Warteschlange, wenn ihre Leases ablaufen.</translation>
    </message>
    <message>
        <source>%1 answers again</source>
        <translation>%1 antwortet wieder</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 needs an operator</source>
        <translation>Circuit Breaker von %1 braucht einen Operator</translation>
    </message>
    <message>
        <source>It reopened %1 times in a row and no longer probes by itself. Close it once %2 is back, or probe it now (Sources tab).</source>
        <translation>Er hat sich %1-mal in Folge wieder geöffnet und testet nicht mehr von selbst. Schließen Sie ihn, sobald %2 wieder erreichbar ist, oder testen Sie ihn jetzt (Reiter Quellen).</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 no longer waits for an operator</source>
        <translation>Circuit Breaker von %1 wartet nicht mehr auf einen Operator</translation>
    </message>
    <message>
        <source>%1 against %2 expected at this hour (%3).</source>
        <translation>%1 gegenüber erwarteten %2 zu dieser Stunde (%3).</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 may open in about %2 min</source>
        <translation>Circuit Breaker von %1 öffnet sich womöglich in etwa %2 min</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 may open within the hour</source>
        <translation>Circuit Breaker von %1 öffnet sich womöglich innerhalb der Stunde</translation>
    </message>
    <message>
        <source>%1 of the pipeline is unusual</source>
        <translation>%1 der Pipeline ist ungewöhnlich</translation>
    </message>
    <message>
        <source>%1 of %2 is unusual</source>
        <translation>%1 von %2 ist ungewöhnlich</translation>
    </message>
</context>
<context>
    <name>dashboard::AlertmanagerClient</name>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 antwortete mit HTTP %2</translation>
    </message>
    <message>
        <source>%1 sent what is not an alert list: %2</source>
        <translation>%1 sandte keine Alarmliste: %2</translation>
    </message>
</context>
<context>
    <name>dashboard::AlertsPanel</name>
    <message>
        <source>Asking Alertmanager at %1 …</source>
        <translation>Frage Alertmanager unter %1 …</translation>
    </message>
    <message>
        <source>%1 — showing what it said last</source>
        <translation>%1 – angezeigt wird die letzte Antwort</translation>
    </message>
    <message>
        <source>Alertmanager at %1: nothing is firing</source>
        <translation>Alertmanager unter %1: nichts ist aktiv</translation>
    </message>
    <message numerus="yes">
        <source>Alertmanager at %1: %n firing</source>
        <translation>
            <numerusform>Alertmanager unter %1: %n aktiv</numerusform>
            <numerusform>Alertmanager unter %1: %n aktiv</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dashboard::AnomalyChart</name>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>Whose figure</source>
        <translation>Wessen Kennzahl</translation>
    </message>
    <message>
        <source>Which figure</source>
        <translation>Welche Kennzahl</translation>
    </message>
    <message>
        <source>Expected band</source>
        <translation>Erwartetes Band</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <source>No data yet
The band needs 15 minutes of live samples, or start with --prometheus URL for a seasonal baseline from 30 days.</source>
        <translation>Noch keine Daten
Das Band braucht 15 Minuten Live-Messwerte, oder starten Sie mit --prometheus URL für eine saisonale Basis aus 30 Tagen.</translation>
    </message>
    <message>
        <source>No data
Waiting for 30 days of history from Prometheus.</source>
        <translation>Keine Daten
Warte auf 30 Tage Verlauf von Prometheus.</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>No anomaly now (%1 in the last 24 h).</source>
        <translation>Derzeit keine Anomalie (%1 in den letzten 24 h).</translation>
    </message>
    <message>
        <source>Expected: %1</source>
        <translation>Erwartet: %1</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>%1: success %</source>
        <translation>%1: Erfolg %</translation>
    </message>
    <message>
        <source>%1: p95 ms</source>
        <translation>%1: p95 ms</translation>
    </message>
    <message>
        <source>%1: calls / min</source>
        <translation>%1: Aufrufe / min</translation>
    </message>
    <message>
        <source>%1: tracks / min</source>
        <translation>%1: Titel / min</translation>
    </message>
</context>
<context>
    <name>dashboard::AnomalyModel</name>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>Latenz p95</translation>
    </message>
    <message>
        <source>Request rate</source>
        <translation>Aufrufrate</translation>
    </message>
    <message>
        <source>Processing rate</source>
        <translation>Verarbeitungsrate</translation>
    </message>
    <message>
        <source>Prometheus has no calls in the last 30 days</source>
        <translation>Prometheus hat in den letzten 30 Tagen keine Aufrufe</translation>
    </message>
    <message>
        <source>seasonal baseline from 30 days of Prometheus history</source>
        <translation>saisonale Basis aus 30 Tagen Prometheus-Verlauf</translation>
    </message>
    <message>
        <source>rolling baseline from %1 min of live samples</source>
        <translation>gleitende Basis aus %1 min Live-Messwerten</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 /min</source>
        <translation>%1 /min</translation>
    </message>
    <message>
        <source>only this source: the provider&apos;s problem</source>
        <translation>nur diese Quelle: ein Problem des Anbieters</translation>
    </message>
    <message>
        <source>most sources at once: ours</source>
        <translation>die meisten Quellen zugleich: unser Problem</translation>
    </message>
    <message>
        <source>the whole pipeline</source>
        <translation>die ganze Pipeline</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>%1 · %2 %3 against %4 expected · %5</source>
        <translation>%1 · %2 %3 gegenüber erwarteten %4 · %5</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Expected low</source>
        <translation>Erwartet min.</translation>
    </message>
    <message>
        <source>Expected high</source>
        <translation>Erwartet max.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Abweichung</translation>
    </message>
</context>
<context>
    <name>dashboard::AttemptsModel</name>
    <message>
        <source>found data</source>
        <translation>Daten gefunden</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>What it said</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
</context>
<context>
    <name>dashboard::AuditModel</name>
    <message>
        <source>Parameters: %1
Result: %2</source>
        <translation>Parameter: %1
Ergebnis: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Carried out by</source>
        <translation>Ausgeführt von</translation>
    </message>
</context>
<context>
    <name>dashboard::AuditView</name>
    <message>
        <source>Every operator action on this backend (on a shared queue: the fleet&apos;s), newest first. Hover over one for its parameters and result.</source>
        <translation>Jede Operator-Aktion auf diesem Backend (bei einer gemeinsamen Warteschlange: die der ganzen Flotte), neueste zuerst. Zeigen Sie auf eine, um ihre Parameter und ihr Ergebnis zu sehen.</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No operator has acted yet.</source>
        <translation>Noch hat kein Operator gehandelt.</translation>
    </message>
    <message>
        <source>Entries: %1.</source>
        <translation>Einträge: %1.</translation>
    </message>
</context>
<context>
    <name>dashboard::BackendFeed</name>
    <message>
        <source>The backend refused the token (HTTP 401): check --token-file</source>
        <translation>Das Backend hat das Token abgelehnt (HTTP 401): --token-file prüfen</translation>
    </message>
    <message>
        <source>The backend answered HTTP %1</source>
        <translation>Das Backend antwortete mit HTTP %1</translation>
    </message>
    <message>
        <source>The backend answered HTTP %1: %2</source>
        <translation>Das Backend antwortete mit HTTP %1: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The backend sent data the dashboard cannot read: %1</source>
        <translation>Das Backend hat Daten gesendet, die das Dashboard nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>The backend sent a live message larger than %1 MiB; it was refused and the room is reconnecting</source>
        <translation>Das Backend hat eine Live-Nachricht größer als %1 MiB gesendet; sie wurde abgelehnt, die Verbindung zum Raum wird neu aufgebaut</translation>
    </message>
    <message>
        <source>The backend&apos;s answer to %1 is larger than %2 MiB; the dashboard did not read it</source>
        <translation>Die Antwort des Backends auf %1 ist größer als %2 MiB; das Dashboard hat sie nicht gelesen</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 is not trusted: %2 (to trust a private CA, start with --ca-file)</source>
        <translation>Dem TLS-Zertifikat von %1 wird nicht vertraut: %2 (um einer privaten CA zu vertrauen, mit --ca-file starten)</translation>
    </message>
    <message>
        <source>The backend</source>
        <translation>Das Backend</translation>
    </message>
    <message>
        <source>The backend did not finish answering %1 within %2 s</source>
        <translation>Das Backend hat %1 nicht innerhalb von %2 s fertig beantwortet</translation>
    </message>
</context>
<context>
    <name>dashboard::CachePieChart</name>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>Fehlgriffe</translation>
    </message>
    <message>
        <source>Hits %1</source>
        <translation>Treffer %1</translation>
    </message>
    <message>
        <source>Misses %1</source>
        <translation>Fehlgriffe %1</translation>
    </message>
    <message>
        <source>Hit ratio %1 %</source>
        <translation>Trefferquote %1 %</translation>
    </message>
</context>
<context>
    <name>dashboard::CategoryBarChart</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
</context>
<context>
    <name>dashboard::CategoryTableModel</name>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
</context>
<context>
    <name>dashboard::ChartPanel</name>
    <message>
        <source>Export this chart</source>
        <translation>Dieses Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Save as &amp;PNG…</source>
        <translation>Als &amp;PNG speichern…</translation>
    </message>
    <message>
        <source>Save as &amp;SVG…</source>
        <translation>Als &amp;SVG speichern…</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Als &amp;CSV speichern…</translation>
    </message>
    <message>
        <source>Copy &amp;image</source>
        <translation>&amp;Bild kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;data (CSV)</source>
        <translation>&amp;Daten kopieren (CSV)</translation>
    </message>
    <message>
        <source>No data
The backend does not report this yet.</source>
        <translation>Keine Daten
Das Backend meldet dies (noch) nicht.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Enrichment Monitor chart: %1</source>
        <translation>Enrichment-Monitor-Diagramm: %1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
</context>
<context>
    <name>dashboard::Connection</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
</context>
<context>
    <name>dashboard::ConnectionIndicator</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Neuer Versuch in %n s</numerusform>
            <numerusform>Neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>noch keine Daten</translation>
    </message>
    <message>
        <source>stale: updated %1</source>
        <translation>veraltet: aktualisiert %1</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
</context>
<context>
    <name>dashboard::ConnectionList</name>
    <message>
        <source>A connection needs a name.</source>
        <translation>Eine Verbindung braucht einen Namen.</translation>
    </message>
    <message>
        <source>The URL must be http:// or https:// with a host.</source>
        <translation>Die URL muss http:// oder https:// mit einem Host sein.</translation>
    </message>
    <message>
        <source>Put the token in a token file, not in the URL.</source>
        <translation>Das Token gehört in eine Token-Datei, nicht in die URL.</translation>
    </message>
    <message>
        <source>Another connection has this name.</source>
        <translation>Eine andere Verbindung hat diesen Namen.</translation>
    </message>
    <message>
        <source>The Prometheus URL must be http:// or https:// with a host.</source>
        <translation>Die Prometheus-URL muss http:// oder https:// mit einem Host sein.</translation>
    </message>
</context>
<context>
    <name>dashboard::ConnectionPage</name>
    <message>
        <source>Res&amp;ume Pipeline</source>
        <translation>Pipeline for&amp;tsetzen</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Tracks</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Close or probe a breaker, pause or resume a source (also: right-click the table)</source>
        <translation>Einen Breaker schließen oder testen, eine Quelle pausieren oder fortsetzen (auch: Rechtsklick in die Tabelle)</translation>
    </message>
    <message>
        <source>Right-click a source for its actions</source>
        <translation>Rechtsklick auf eine Quelle zeigt ihre Aktionen</translation>
    </message>
    <message>
        <source>No sources yet</source>
        <translation>Noch keine Quellen</translation>
    </message>
    <message>
        <source>&amp;Close Circuit Breaker…</source>
        <translation>Circuit Breaker &amp;schließen…</translation>
    </message>
    <message>
        <source>Close the %1 breaker now: calls go to the source again</source>
        <translation>Den Breaker von %1 jetzt schließen: Aufrufe gehen wieder an die Quelle</translation>
    </message>
    <message>
        <source>&amp;Probe Now</source>
        <translation>Jetzt &amp;testen</translation>
    </message>
    <message>
        <source>Let the next calls to %1 probe it now instead of at the timeout</source>
        <translation>Die nächsten Aufrufe an %1 testen die Quelle jetzt statt nach dem Timeout</translation>
    </message>
    <message>
        <source>Breaker closed: nothing to close or probe</source>
        <translation>Breaker geschlossen: nichts zu schließen oder zu testen</translation>
    </message>
    <message>
        <source>Breaker state unknown</source>
        <translation>Zustand des Breakers unbekannt</translation>
    </message>
    <message>
        <source>&amp;Resume Source</source>
        <translation>Quelle &amp;fortsetzen</translation>
    </message>
    <message>
        <source>P&amp;ause Source…</source>
        <translation>Quelle &amp;anhalten…</translation>
    </message>
    <message>
        <source>Let the pipeline ask %1 again</source>
        <translation>Die Pipeline fragt %1 wieder</translation>
    </message>
    <message>
        <source>Skip %1 in the waterfall until resumed</source>
        <translation>%1 im Wasserfall überspringen, bis fortgesetzt</translation>
    </message>
    <message>
        <source>Actions: not supported by this service</source>
        <translation>Aktionen: von diesem Dienst nicht unterstützt</translation>
    </message>
    <message>
        <source>The pipeline is paused by an operator: workers finish their batches and claim no tracks until it is resumed.</source>
        <translation>Die Pipeline wurde von einem Operator angehalten: Worker beenden ihre Batches und holen keine Tracks, bis sie fortgesetzt wird.</translation>
    </message>
    <message>
        <source>Paused sources (skipped by the waterfall): %1.</source>
        <translation>Angehaltene Quellen (im Wasserfall übersprungen): %1.</translation>
    </message>
    <message>
        <source>Res&amp;ume Sources</source>
        <translation>Quellen for&amp;tsetzen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not answering</source>
        <translation>antwortet nicht</translation>
    </message>
</context>
<context>
    <name>dashboard::ConnectionsDialog</name>
    <message>
        <source>Watch: open in a tab at start</source>
        <translation>Beobachten: beim Start in einem Reiter öffnen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the token file</source>
        <translation>Token-Datei wählen</translation>
    </message>
    <message>
        <source>&amp;Token file:</source>
        <translation>&amp;Token-Datei:</translation>
    </message>
    <message>
        <source>The token stays in its file; only the file&apos;s path is kept.</source>
        <translation>Das Token bleibt in seiner Datei; gespeichert wird nur der Pfad.</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Token-Datei</translation>
    </message>
    <message>
        <source>Backend %1</source>
        <translation>Backend %1</translation>
    </message>
    <message>
        <source>%1 (not watched)</source>
        <translation>%1 (nicht beobachtet)</translation>
    </message>
    <message>
        <source>optional: its Prometheus, for long history</source>
        <translation>optional: sein Prometheus, für langen Verlauf</translation>
    </message>
    <message>
        <source>&amp;Prometheus:</source>
        <translation>&amp;Prometheus:</translation>
    </message>
    <message>
        <source>Prometheus to&amp;ken file:</source>
        <translation>Prometheus-To&amp;ken-Datei:</translation>
    </message>
    <message>
        <source>Also watched now, from the command line (--url, not saved here): %1</source>
        <translation>Außerdem jetzt beobachtet, von der Befehlszeile (--url, hier nicht gespeichert): %1</translation>
    </message>
    <message>
        <source>Connect to Backend</source>
        <translation>Mit Backend verbinden</translation>
    </message>
    <message>
        <source>URL of a backend that serves /monitoring/enrichment:</source>
        <translation>URL eines Backends, das /monitoring/enrichment bereitstellt:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL.</source>
        <translation>„%1“ ist keine http(s)-URL.</translation>
    </message>
</context>
<context>
    <name>dashboard::DashboardApp</name>
    <message>
        <source>cannot start the embedded backend: %1</source>
        <translation>das eingebettete Backend kann nicht starten: %1</translation>
    </message>
    <message>
        <source>Embedded demo backend at %1 (simulated sources)</source>
        <translation>Eingebettetes Demo-Backend unter %1 (simulierte Quellen)</translation>
    </message>
    <message>
        <source>Backend at %1</source>
        <translation>Backend unter %1</translation>
    </message>
    <message>
        <source>interrupted by signal %1</source>
        <translation>durch Signal %1 unterbrochen</translation>
    </message>
    <message>
        <source>cannot read CA file %1: %2</source>
        <translation>CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>Backend %1 at %2</source>
        <translation>Backend %1 unter %2</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>%1: its token file cannot be used, watching without a token: %2 (fix it in File &gt; Connections)</source>
        <translation>%1: seine Token-Datei ist nicht verwendbar, beobachtet ohne Token: %2 (unter Datei &gt; Verbindungen beheben)</translation>
    </message>
    <message>
        <source>%1: no long history: %2 (fix it in File &gt; Connections)</source>
        <translation>%1: kein langer Verlauf: %2 (unter Datei &gt; Verbindungen beheben)</translation>
    </message>
    <message>
        <source>its token file cannot be used, watching without a token: %1 (fix it in File &gt; Connections)</source>
        <translation>seine Token-Datei ist nicht verwendbar, beobachtet ohne Token: %1 (unter Datei &gt; Verbindungen beheben)</translation>
    </message>
    <message>
        <source>no long history: %1 (fix it in File &gt; Connections)</source>
        <translation>kein langer Verlauf: %1 (unter Datei &gt; Verbindungen beheben)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>dashboard::DashboardExporter</name>
    <message>
        <source>Cannot create folder %1</source>
        <translation>Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Enrichment Monitor dashboard</source>
        <translation>Enrichment-Monitor-Dashboard</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 exists already; not replaced</source>
        <translation>%1 existiert bereits; nicht ersetzt</translation>
    </message>
    <message>
        <source>%1 and %2 more files exist already; not replaced</source>
        <translation>%1 und %2 weitere Dateien existieren bereits; nicht ersetzt</translation>
    </message>
</context>
<context>
    <name>dashboard::DashboardModels</name>
    <message>
        <source>Tracks</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Tracks per minute</source>
        <translation>Titel pro Minute</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>State level</source>
        <translation>Zustandsstufe</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Next probe (s)</source>
        <translation>Nächster Test (s)</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Remaining %</source>
        <translation>Verbleibend %</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Resets at</source>
        <translation>Zurückgesetzt um</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>HTTP 429</source>
        <translation>HTTP 429</translation>
    </message>
    <message>
        <source>HTTP 5xx</source>
        <translation>HTTP 5xx</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Parse</source>
        <translation>Parsen</translation>
    </message>
    <message>
        <source>Circuit open</source>
        <translation>Breaker offen</translation>
    </message>
    <message>
        <source>Quota spent</source>
        <translation>Kontingent aufgebraucht</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Health level</source>
        <translation>Zustandsstufe</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>Coverage %</source>
        <translation>Abdeckung %</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>Fehlgriffe</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Schreibvorgänge</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>dashboard::DashboardView</name>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Incident log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>1 more source not shown (the dashboard shows at most %1)</source>
        <translation>1 weitere Quelle nicht angezeigt (das Dashboard zeigt höchstens %1)</translation>
    </message>
    <message>
        <source>%1 more sources not shown (the dashboard shows at most %2)</source>
        <translation>%1 weitere Quellen nicht angezeigt (das Dashboard zeigt höchstens %2)</translation>
    </message>
    <message>
        <source>Circuit breaker %1</source>
        <translation>Circuit Breaker %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Paused by an operator: the pipeline skips it</source>
        <translation>Von einem Operator angehalten: die Pipeline überspringt sie</translation>
    </message>
    <message>
        <source>Source A&amp;ctions</source>
        <translation>Quellen-A&amp;ktionen</translation>
    </message>
    <message>
        <source>No data
The backend is out of reach; waiting for it to answer.</source>
        <translation>Keine Daten
Das Backend ist nicht erreichbar; warte auf seine Antwort.</translation>
    </message>
    <message>
        <source>No data yet
Waiting for the backend&apos;s first answer.</source>
        <translation>Noch keine Daten
Warte auf die erste Antwort des Backends.</translation>
    </message>
    <message>
        <source>The backend is out of reach since %1: what is shown is the last known, not live; actions wait until it is back.</source>
        <translation>Das Backend ist seit %1 nicht erreichbar: Angezeigt wird der letzte bekannte Stand, nicht live; Aktionen warten, bis es zurück ist.</translation>
    </message>
    <message>
        <source>Sources — calls of the fleet&apos;s live workers; breakers of worker %1</source>
        <translation>Quellen — Aufrufe der aktiven Worker der Flotte; Breaker von Worker %1</translation>
    </message>
    <message>
        <source>Sources — calls of the fleet&apos;s live workers; breakers: the worst state among them</source>
        <translation>Quellen — Aufrufe der aktiven Worker der Flotte; Breaker: der schlechteste Zustand unter ihnen</translation>
    </message>
</context>
<context>
    <name>dashboard::DashboardWindow</name>
    <message>
        <source>Enrichment Monitor</source>
        <translation>Enrichment Monitor</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Fetch the latest numbers now (F5, Ctrl+R)</source>
        <translation>Die neuesten Zahlen jetzt abrufen (F5, Strg+R)</translation>
    </message>
    <message>
        <source>&amp;Auto-refresh</source>
        <translation>&amp;Automatisch aktualisieren</translation>
    </message>
    <message>
        <source>Poll the backend on a timer as well as on live events</source>
        <translation>Das Backend zusätzlich zu Live-Ereignissen regelmäßig abfragen</translation>
    </message>
    <message>
        <source>Auto-refresh interval</source>
        <translation>Intervall der automatischen Aktualisierung</translation>
    </message>
    <message numerus="yes">
        <source>every %n s</source>
        <translation>
            <numerusform>alle %n s</numerusform>
            <numerusform>alle %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n min</source>
        <translation>
            <numerusform>jede Minute</numerusform>
            <numerusform>alle %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;onnect to Backend…</source>
        <translation>Mit Backend &amp;verbinden…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>tracks</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Queue overview</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Processing rate</source>
        <translation>Verarbeitungsrate</translation>
    </message>
    <message>
        <source>tracks / min</source>
        <translation>Titel / min</translation>
    </message>
    <message>
        <source>Circuit breaker states</source>
        <translation>Circuit-Breaker-Zustände</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Success rate by source</source>
        <translation>Erfolgsquote je Quelle</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Latency p50 / p95 / p99</source>
        <translation>Latenz p50 / p95 / p99</translation>
    </message>
    <message>
        <source>API rate limits</source>
        <translation>API-Ratenlimits</translation>
    </message>
    <message>
        <source>Error breakdown</source>
        <translation>Fehler nach Typ</translation>
    </message>
    <message>
        <source>Source health</source>
        <translation>Zustand der Quellen</translation>
    </message>
    <message>
        <source>Cache performance</source>
        <translation>Cache-Leistung</translation>
    </message>
    <message>
        <source>% of enriched tracks</source>
        <translation>% der angereicherten Titel</translation>
    </message>
    <message>
        <source>Metadata field coverage</source>
        <translation>Abdeckung der Metadatenfelder</translation>
    </message>
    <message>
        <source>Queue depth over time</source>
        <translation>Warteschlangentiefe im Verlauf</translation>
    </message>
    <message>
        <source>% left</source>
        <translation>% übrig</translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation>&amp;Benachrichtigungen…</translation>
    </message>
    <message>
        <source>&amp;Pause Notifications</source>
        <translation>Benachrichtigungen &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>Co&amp;nnections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>Named backends to watch side by side</source>
        <translation>Benannte Backends, nebeneinander beobachtet</translation>
    </message>
    <message>
        <source>Backend at %1</source>
        <translation>Backend unter %1</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <source>errors since start</source>
        <translation>Fehler seit dem Start</translation>
    </message>
    <message>
        <source>&amp;Next View</source>
        <translation>&amp;Nächste Ansicht</translation>
    </message>
    <message>
        <source>P&amp;revious View</source>
        <translation>&amp;Vorige Ansicht</translation>
    </message>
    <message>
        <source>Next &amp;Backend</source>
        <translation>Nächstes &amp;Backend</translation>
    </message>
    <message>
        <source>Previous B&amp;ackend</source>
        <translation>Voriges B&amp;ackend</translation>
    </message>
</context>
<context>
    <name>dashboard::DesktopNotifier</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Mute for 1 h</source>
        <translation>1 h stummschalten</translation>
    </message>
    <message>
        <source>Enrichment Monitor</source>
        <translation>Enrichment Monitor</translation>
    </message>
</context>
<context>
    <name>dashboard::ErrorBanner</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>dashboard::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Circuit Breaker</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (failures in a row: %4)</source>
        <translation>%1: %2 → %3 (Fehler in Folge: %4)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>source on worker</comment>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>retried tracks by id: %1 back to pending</source>
        <translation>hat Tracks nach ID wiederholt: %1 wieder ausstehend</translation>
    </message>
    <message>
        <source>retried every failed and partial track: %1 back to pending</source>
        <translation>hat alle fehlgeschlagenen und teilweisen Tracks wiederholt: %1 wieder ausstehend</translation>
    </message>
    <message>
        <source>retried tracks (%1): %2 back to pending</source>
        <translation>hat Tracks wiederholt (%1): %2 wieder ausstehend</translation>
    </message>
    <message>
        <source>closed the %1 circuit breaker</source>
        <translation>hat den Circuit Breaker von %1 geschlossen</translation>
    </message>
    <message>
        <source>asked the %1 circuit breaker to probe now</source>
        <translation>hat den Circuit Breaker von %1 jetzt testen lassen</translation>
    </message>
    <message>
        <source>paused the pipeline</source>
        <translation>hat die Pipeline angehalten</translation>
    </message>
    <message>
        <source>paused source %1</source>
        <translation>hat die Quelle %1 angehalten</translation>
    </message>
    <message>
        <source>resumed the pipeline</source>
        <translation>hat die Pipeline fortgesetzt</translation>
    </message>
    <message>
        <source>resumed source %1</source>
        <translation>hat die Quelle %1 fortgesetzt</translation>
    </message>
    <message>
        <source>enqueued tracks: %1 new</source>
        <translation>hat Tracks eingereiht: %1 neu</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>An operator</source>
        <translation>Ein Operator</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>%1 (carried out by backend %2)</source>
        <translation>%1 (ausgeführt von Backend %2)</translation>
    </message>
</context>
<context>
    <name>dashboard::EventLogView</name>
    <message>
        <source>Incident log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Circuit Breaker</translation>
    </message>
</context>
<context>
    <name>dashboard::ExportFlow</name>
    <message>
        <source>&amp;Export Dashboard…</source>
        <translation>Dashboard &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Copy Dashboard Image</source>
        <translation>Dashboard-Bild &amp;kopieren</translation>
    </message>
    <message>
        <source>Save every chart and the whole dashboard as PNG, SVG and CSV (Ctrl+E)</source>
        <translation>Jedes Diagramm und das ganze Dashboard als PNG, SVG und CSV speichern (Strg+E)</translation>
    </message>
    <message>
        <source>Dashboard image copied</source>
        <translation>Dashboard-Bild kopiert</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>Dateien ersetzen?</translation>
    </message>
    <message numerus="yes">
        <source>The folder has %n file(s) of an earlier export (%1). Replace them?</source>
        <translation>
            <numerusform>Der Ordner hat %n Datei eines früheren Exports (%1). Ersetzen?</numerusform>
            <numerusform>Der Ordner hat %n Dateien eines früheren Exports (%1). Ersetzen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Export dashboard to folder</source>
        <translation>Dashboard in Ordner exportieren</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>There is no dashboard to export</source>
        <translation>Es gibt kein Dashboard zum Exportieren</translation>
    </message>
    <message>
        <source>Files exported to %1: %2</source>
        <translation>Dateien nach %1 exportiert: %2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>dashboard::FailuresModel</name>
    <message>
        <source>Tracks %1 with %2 at %3: %4</source>
        <translation>Tracks %1 mit %2 bei %3: %4</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Tracks</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>no error: not found</source>
        <translation>kein Fehler: nicht gefunden</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>dashboard::FailuresView</name>
    <message>
        <source>&amp;Show Tracks</source>
        <translation>Tracks &amp;zeigen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Retry every track of the selected group</source>
        <translation>Jeden Track der gewählten Gruppe wiederholen</translation>
    </message>
    <message>
        <source>No failed or partial tracks.</source>
        <translation>Keine fehlgeschlagenen oder teilweisen Tracks.</translation>
    </message>
    <message>
        <source>Failed or partial tracks: %1, grouped by status, error and source. Retry a group once its source is healthy again.</source>
        <translation>Fehlgeschlagene oder teilweise Tracks: %1, gruppiert nach Status, Fehler und Quelle. Wiederholen Sie eine Gruppe, sobald ihre Quelle wieder gesund ist.</translation>
    </message>
    <message>
        <source>Retry &amp;Group…</source>
        <translation>&amp;Gruppe erneut versuchen…</translation>
    </message>
</context>
<context>
    <name>dashboard::FiringAlertsModel</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>dashboard::FlowChart</name>
    <message>
        <source>Flow through the waterfall</source>
        <translation>Fluss durch den Wasserfall</translation>
    </message>
    <message>
        <source>Time shown</source>
        <translation>Angezeigte Zeit</translation>
    </message>
    <message>
        <source>Drag back to replay the flow; at the right end it is live</source>
        <translation>Zurückziehen spielt den Fluss erneut ab; ganz rechts ist er live</translation>
    </message>
    <message>
        <source>newest (5-minute steps from Prometheus)</source>
        <translation>neueste (5-Minuten-Schritte von Prometheus)</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
</context>
<context>
    <name>dashboard::FlowModel</name>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Per minute</source>
        <translation>Pro Minute</translation>
    </message>
    <message>
        <source>Error share</source>
        <translation>Fehleranteil</translation>
    </message>
</context>
<context>
    <name>dashboard::FlowView</name>
    <message>
        <source>No flow yet
The rates need a few seconds of snapshots.</source>
        <translation>Noch kein Fluss
Die Raten brauchen einige Sekunden an Snapshots.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 wartend</translation>
    </message>
    <message>
        <source>%1 · paused</source>
        <translation>%1 · pausiert</translation>
    </message>
    <message>
        <source>%1 /min · %2 % err</source>
        <translation>%1 /min · %2 % Fehler</translation>
    </message>
    <message>
        <source>%1 /min</source>
        <translation>%1 /min</translation>
    </message>
    <message>
        <source>let pass</source>
        <translation>durchgelassen</translation>
    </message>
    <message>
        <source>%1 · %2 ms</source>
        <translation>%1 · %2 ms</translation>
    </message>
    <message>
        <source>Queue: %1 tracks pending</source>
        <translation>Warteschlange: %1 Titel wartend</translation>
    </message>
    <message>
        <source>%1: %2 tracks a minute</source>
        <translation>%1: %2 Titel pro Minute</translation>
    </message>
    <message>
        <source>Answered %1 /min: %2 with data, %3 without, %4 errors (%5 %)</source>
        <translation>Beantwortet %1 /min: %2 mit Daten, %3 ohne, %4 Fehler (%5 %)</translation>
    </message>
    <message>
        <source>Let pass without a call: %1 /min (breaker open or quota spent)</source>
        <translation>Ohne Aufruf durchgelassen: %1 /min (Breaker offen oder Kontingent verbraucht)</translation>
    </message>
    <message>
        <source>Breaker: %1</source>
        <translation>Breaker: %1</translation>
    </message>
    <message>
        <source>Quota left: %1 %</source>
        <translation>Kontingent übrig: %1 %</translation>
    </message>
    <message>
        <source>Paused by an operator</source>
        <translation>Von einem Operator pausiert</translation>
    </message>
</context>
<context>
    <name>dashboard::Forecast</name>
    <message>
        <source>no samples yet</source>
        <translation>noch keine Messwerte</translation>
    </message>
    <message>
        <source>too many steps</source>
        <translation>zu viele Schritte</translation>
    </message>
    <message>
        <source>needs %1 minutes of history</source>
        <translation>braucht %1 Minuten Verlauf</translation>
    </message>
</context>
<context>
    <name>dashboard::ForecastChart</name>
    <message>
        <source>Backlog forecast</source>
        <translation>Prognose des Rückstands</translation>
    </message>
    <message>
        <source>pending tracks</source>
        <translation>ausstehende Titel</translation>
    </message>
    <message>
        <source>95 % band</source>
        <translation>95-%-Band</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>No data
Waiting for the pending history from Prometheus.</source>
        <translation>Keine Daten
Warte auf den Verlauf der wartenden Titel aus Prometheus.</translation>
    </message>
    <message>
        <source>No forecast yet
Waiting for the pending history from Prometheus.</source>
        <translation>Noch keine Prognose
Warte auf den Verlauf der wartenden Titel aus Prometheus.</translation>
    </message>
    <message>
        <source>No forecast yet: %1
(%2)</source>
        <translation>Noch keine Prognose: %1
(%2)</translation>
    </message>
</context>
<context>
    <name>dashboard::ForecastModel</name>
    <message>
        <source>No forecast: %1</source>
        <translation>Keine Prognose: %1</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Leer</translation>
    </message>
    <message>
        <source>Empty in ≈ %1 (at %2)</source>
        <translation>Leer in ≈ %1 (um %2)</translation>
    </message>
    <message>
        <source>Not draining: growing by %1 /h</source>
        <translation>Kein Abbau: wächst um %1 /h</translation>
    </message>
    <message>
        <source>Not draining: flat</source>
        <translation>Kein Abbau: gleichbleibend</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>gemessen</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Low (95 %)</source>
        <translation>Unten (95 %)</translation>
    </message>
    <message>
        <source>High (95 %)</source>
        <translation>Oben (95 %)</translation>
    </message>
    <message>
        <source>from %1 of Prometheus history</source>
        <translation>aus %1 Prometheus-Verlauf</translation>
    </message>
    <message>
        <source>from %1 of live samples</source>
        <translation>aus %1 Live-Messwerten</translation>
    </message>
    <message>
        <source> (Prometheus: %1)</source>
        <translation> (Prometheus: %1)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>dashboard::HealthBadge</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 · paused</source>
        <translation>%1 · angehalten</translation>
    </message>
    <message>
        <source>%1 · last known</source>
        <translation>%1 · zuletzt bekannt</translation>
    </message>
    <message>
        <source>Not in the backend&apos;s sources configuration: never asked.</source>
        <translation>Nicht in der Quellenkonfiguration des Backends: wird nie gefragt.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>dashboard::HeatmapChart</name>
    <message>
        <source>Success by weekday and hour (30 days)</source>
        <translation>Erfolg nach Wochentag und Stunde (30 Tage)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Source of the heatmap</source>
        <translation>Quelle der Heatmap</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>hour of day</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>50–80 %</source>
        <translation>50–80 %</translation>
    </message>
    <message>
        <source>80–90 %</source>
        <translation>80–90 %</translation>
    </message>
    <message>
        <source>90–97 %</source>
        <translation>90–97 %</translation>
    </message>
    <message>
        <source>No data
Start with --prometheus URL to see 30 days of history.</source>
        <translation>Keine Daten
Mit --prometheus URL starten, um 30 Tage Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Asking Prometheus …</source>
        <translation>Frage Prometheus …</translation>
    </message>
    <message>
        <source>No data
Prometheus has no requests of this source in the last 30 days.</source>
        <translation>Keine Daten
Prometheus hat keine Anfragen dieser Quelle in den letzten 30 Tagen.</translation>
    </message>
    <message>
        <source>No data
%1</source>
        <translation>Keine Daten
%1</translation>
    </message>
    <message>
        <source>under 50 %</source>
        <translation>unter 50 %</translation>
    </message>
    <message>
        <source>97 % and over</source>
        <translation>97 % und mehr</translation>
    </message>
</context>
<context>
    <name>dashboard::HeatmapModel</name>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
</context>
<context>
    <name>dashboard::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts of Enrichment Monitor</source>
        <translation>Tastenkürzel von Enrichment Monitor</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>The documentation comes with the program&apos;s sources, in the docs/ folder: OPERATIONS.md (running the stack, what each alert means, acting on the pipeline), SCALING.md (many workers), PROTOCOL.md (what the backend serves). enrichment-monitor --help lists the command line.</source>
        <translation>Die Dokumentation liegt den Quellen des Programms im Ordner docs/ bei: OPERATIONS.md (Betrieb, Bedeutung jedes Alarms, Eingriffe in die Pipeline), SCALING.md (viele Worker), PROTOCOL.md (was das Backend liefert). enrichment-monitor --help listet die Befehlszeile.</translation>
    </message>
    <message>
        <source>&amp;About Enrichment Monitor</source>
        <translation>Ü&amp;ber Enrichment Monitor</translation>
    </message>
    <message>
        <source>About Enrichment Monitor</source>
        <translation>Über Enrichment Monitor</translation>
    </message>
    <message>
        <source>&lt;b&gt;Enrichment Monitor&lt;/b&gt; %1&lt;br&gt;Live monitoring of the music-metadata enrichment pipeline.&lt;br&gt;Licensed under the GNU GPL, version 3 or later.</source>
        <translation>&lt;b&gt;Enrichment Monitor&lt;/b&gt; %1&lt;br&gt;Live-Überwachung der Anreicherungs-Pipeline für Musik-Metadaten.&lt;br&gt;Lizenziert unter der GNU GPL, Version 3 oder später.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Alt + underlined letter: the button or menu with that letter</source>
        <translation>Alt + unterstrichener Buchstabe: die Schaltfläche oder das Menü mit diesem Buchstaben</translation>
    </message>
</context>
<context>
    <name>dashboard::HttpFetch</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 unter %2</translation>
    </message>
    <message>
        <source>%1 sent an answer larger than %2 MiB; it was not read</source>
        <translation>%1 sandte eine Antwort größer als %2 MiB; sie wurde nicht gelesen</translation>
    </message>
    <message>
        <source>%1 did not finish answering within %2 s</source>
        <translation>%1 hat innerhalb von %2 s nicht fertig geantwortet</translation>
    </message>
    <message>
        <source>the TLS certificate of %1 is not trusted: %2</source>
        <translation>dem TLS-Zertifikat von %1 wird nicht vertraut: %2</translation>
    </message>
    <message>
        <source>%1 does not answer: %2</source>
        <translation>%1 antwortet nicht: %2</translation>
    </message>
</context>
<context>
    <name>dashboard::IncidentRecorder</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Live: connected to %1</source>
        <translation>Live: verbunden mit %1</translation>
    </message>
    <message>
        <source>Connection lost; reconnecting</source>
        <translation>Verbindung verloren; verbinde neu</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>The backend answers again</source>
        <translation>Das Backend antwortet wieder</translation>
    </message>
</context>
<context>
    <name>dashboard::MetadataModel</name>
    <message>
        <source>ISRC</source>
        <translation>ISRC</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tonart</translation>
    </message>
    <message>
        <source>Spotify ID</source>
        <translation>Spotify-ID</translation>
    </message>
    <message>
        <source>MusicBrainz ID</source>
        <translation>MusicBrainz-ID</translation>
    </message>
    <message>
        <source>Discogs ID</source>
        <translation>Discogs-ID</translation>
    </message>
    <message>
        <source>Beatport ID</source>
        <translation>Beatport-ID</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Release date</source>
        <translation>Erscheinungsdatum</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
</context>
<context>
    <name>dashboard::NotificationSettingsDialog</name>
    <message>
        <source>Notification Settings</source>
        <translation>Benachrichtigungseinstellungen</translation>
    </message>
    <message>
        <source>Notify when</source>
        <translation>Benachrichtigen, wenn</translation>
    </message>
    <message>
        <source>below </source>
        <translation>unter </translation>
    </message>
    <message>
        <source> % of the quota</source>
        <translation> % des Kontingents</translation>
    </message>
    <message>
        <source>drain over </source>
        <translation>Abbau über </translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>or growing for </source>
        <translation>oder Wachstum seit </translation>
    </message>
    <message>
        <source>for </source>
        <translation>seit </translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>for more than </source>
        <translation>länger als </translation>
    </message>
    <message>
        <source>A circuit breaker opens (and closes again)</source>
        <translation>ein Circuit Breaker öffnet (und wieder schließt)</translation>
    </message>
    <message>
        <source>A source goes down (and recovers)</source>
        <translation>eine Quelle ausfällt (und sich erholt)</translation>
    </message>
    <message>
        <source>A source&apos;s rate limit runs low</source>
        <translation>das Ratenlimit einer Quelle knapp wird</translation>
    </message>
    <message>
        <source>The backlog drains too slowly</source>
        <translation>der Rückstand zu langsam abgebaut wird</translation>
    </message>
    <message>
        <source>No track finishes while tracks are pending</source>
        <translation>kein Titel fertig wird, obwohl Titel ausstehen</translation>
    </message>
    <message>
        <source>The backend does not answer</source>
        <translation>Das Backend antwortet nicht</translation>
    </message>
    <message>
        <source>Alertmanager reports an alert firing</source>
        <translation>Alertmanager einen aktiven Alarm meldet</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Notify about the same problem at most every</source>
        <translation>Über dasselbe Problem höchstens alle</translation>
    </message>
    <message>
        <source>A problem counts as resolved after staying clear for</source>
        <translation>Ein Problem gilt als behoben, wenn es unauffällig bleibt für</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> gleichzeitig</translation>
    </message>
    <message>
        <source>One summary instead of separate notifications above</source>
        <translation>Eine Zusammenfassung statt einzelner Benachrichtigungen ab mehr als</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>Beim Schließen des Fensters im Systembereich weiterlaufen</translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation>Diese Arbeitsumgebung hat keinen Systembereich</translation>
    </message>
    <message>
        <source>A notification&apos;s &quot;Mute for 1 h&quot; silences that one problem; the tray menu pauses all of them.</source>
        <translation>„1 h stummschalten“ in einer Benachrichtigung bringt dieses eine Problem zum Schweigen; das Menü im Systembereich pausiert alle.</translation>
    </message>
    <message>
        <source>A worker of the fleet stops answering (and comes back)</source>
        <translation>Ein Worker der Flotte antwortet nicht mehr (und kommt zurück)</translation>
    </message>
    <message>
        <source> (this desktop has no system tray)</source>
        <translation> (dieser Desktop hat keinen Infobereich)</translation>
    </message>
    <message>
        <source>A circuit breaker stops probing by itself and waits for an operator</source>
        <translation>ein Circuit Breaker testet nicht mehr von selbst und wartet auf einen Operator</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>mindestens </translation>
    </message>
    <message>
        <source> σ out</source>
        <translation> σ daneben</translation>
    </message>
    <message>
        <source>chance within 1 h at least </source>
        <translation>Wahrscheinlichkeit in 1 h mindestens </translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>How far from the expected value, in robust standard deviations; the band itself is 3.5</source>
        <translation>Wie weit vom erwarteten Wert, in robusten Standardabweichungen; das Band selbst reicht 3,5</translation>
    </message>
    <message>
        <source>A source&apos;s figures leave their usual band</source>
        <translation>Die Kennzahlen einer Quelle verlassen ihr übliches Band</translation>
    </message>
    <message>
        <source>A circuit breaker is likely to open soon</source>
        <translation>Ein Circuit Breaker öffnet sich wahrscheinlich bald</translation>
    </message>
</context>
<context>
    <name>dashboard::OperatorActions</name>
    <message>
        <source>The %1 action failed: %2</source>
        <translation>Die Aktion %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Your token may only read this backend; actions need an operator token</source>
        <translation>Ihr Token darf dieses Backend nur lesen; Aktionen brauchen ein Operator-Token</translation>
    </message>
    <message>
        <source>Not supported by this service</source>
        <translation>Von diesem Dienst nicht unterstützt</translation>
    </message>
    <message>
        <source>Not connected to the backend yet</source>
        <translation>Noch nicht mit dem Backend verbunden</translation>
    </message>
    <message>
        <source>Tracks to retry: %1 (%2, error %3 at %4).

They go back to pending with their retries reset.</source>
        <translation>Zu wiederholende Tracks: %1 (%2, Fehler %3 bei %4).

Sie werden wieder ausstehend, ihre Wiederholungen werden zurückgesetzt.</translation>
    </message>
    <message>
        <source>Retry tracks</source>
        <translation>Tracks wiederholen</translation>
    </message>
    <message>
        <source>Retry track %1?

If it failed or is partial it goes back to pending with its retries reset.</source>
        <translation>Track %1 wiederholen?

Ist er fehlgeschlagen oder teilweise, wird er wieder ausstehend, seine Wiederholungen werden zurückgesetzt.</translation>
    </message>
    <message>
        <source>Tracks to retry: %1.

Those that failed or are partial go back to pending with their retries reset; the others are left as they are.</source>
        <translation>Zu wiederholende Tracks: %1.

Fehlgeschlagene oder teilweise werden wieder ausstehend, ihre Wiederholungen werden zurückgesetzt; die anderen bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Close circuit breaker</source>
        <translation>Circuit Breaker schließen</translation>
    </message>
    <message>
        <source>Close the %1 circuit breaker now?

Calls go to %1 again at once; if it still fails, the breaker opens again.</source>
        <translation>Den Circuit Breaker von %1 jetzt schließen?

Aufrufe gehen sofort wieder an %1; schlägt sie weiter fehl, öffnet sich der Breaker erneut.</translation>
    </message>
    <message>
        <source>Pause pipeline</source>
        <translation>Pipeline anhalten</translation>
    </message>
    <message>
        <source>Pause the whole pipeline?

Workers finish the batches in flight and then claim no tracks until it is resumed (pending now: %1).</source>
        <translation>Die ganze Pipeline anhalten?

Worker beenden die laufenden Batches und holen dann keine Tracks, bis sie fortgesetzt wird (jetzt ausstehend: %1).</translation>
    </message>
    <message>
        <source>Pause source</source>
        <translation>Quelle anhalten</translation>
    </message>
    <message>
        <source>Pause %1?

The pipeline skips it until it is resumed; tracks are enriched from the other sources.</source>
        <translation>%1 anhalten?

Die Pipeline überspringt sie, bis sie fortgesetzt wird; Tracks werden aus den anderen Quellen angereichert.</translation>
    </message>
    <message>
        <source>%1 track ids is more than one request may carry (%2); enqueue them in parts</source>
        <translation>%1 Track-IDs sind mehr, als eine Anfrage tragen darf (%2); reihen Sie sie in Teilen ein</translation>
    </message>
    <message>
        <source>Enqueue tracks</source>
        <translation>Tracks einreihen</translation>
    </message>
    <message>
        <source>Tracks to enqueue: %1.

Those not in the queue yet are added as pending; those already there are left as they are.</source>
        <translation>Einzureihende Tracks: %1.

Noch nicht vorhandene kommen als ausstehend hinzu; vorhandene bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>The backend does not answer: actions wait until it is back</source>
        <translation>Das Backend antwortet nicht: Aktionen warten, bis es zurück ist</translation>
    </message>
    <message>
        <source>Tracks to retry: %1 (%2, no source had them).

They go back to pending with their retries reset.</source>
        <translation>Erneut zu versuchende Titel: %1 (%2, keine Quelle hatte sie).

Sie gehen zurück in die Warteschlange, ihre Wiederholungen werden zurückgesetzt.</translation>
    </message>
    <message>
        <source>

Warning: the %1 circuit breaker is open now: these tracks will not be sent to %1 until it closes; close it first, or retry later.</source>
        <translation>

Achtung: Der Circuit Breaker von %1 ist gerade offen: Diese Titel gehen nicht an %1, bis er schließt; schließen Sie ihn zuerst oder versuchen Sie es später.</translation>
    </message>
    <message>
        <source>

This acts on all %1 live workers of the fleet, each on its own %2 breaker.</source>
        <translation>

Das wirkt auf alle %1 aktiven Worker der Flotte, jeder auf seinen eigenen %2-Breaker.</translation>
    </message>
    <message>
        <source>Not a track list: %1</source>
        <translation>Keine Titelliste: %1</translation>
    </message>
    <message>
        <source>%1 tracks is more than one request may carry (%2); enqueue them in parts</source>
        <translation>%1 Titel sind mehr, als eine Anfrage tragen darf (%2); reihen Sie sie in Teilen ein</translation>
    </message>
    <message>
        <source>No row of the track list can be enqueued: %1</source>
        <translation>Keine Zeile der Titelliste kann eingereiht werden: %1</translation>
    </message>
    <message>
        <source>Tracks to enqueue, with artist and title: %1.

Those not in the queue yet are added as pending; those already there keep their state and take the artist and title given.</source>
        <translation>Einzureihende Titel, mit Interpret und Titel: %1.

Noch nicht eingereihte werden als ausstehend hinzugefügt; vorhandene behalten ihren Zustand und übernehmen Interpret und Titel.</translation>
    </message>
    <message>
        <source>

Rows skipped (%1):
</source>
        <translation>

Übersprungene Zeilen (%1):
</translation>
    </message>
</context>
<context>
    <name>dashboard::OperatorClient</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Tracks</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Track</translation>
    </message>
    <message>
        <source>not a track</source>
        <translation>kein Track</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Aktionsprotokoll</translation>
    </message>
    <message>
        <source>The backend</source>
        <translation>Das Backend</translation>
    </message>
</context>
<context>
    <name>dashboard::PipelineActions</name>
    <message>
        <source>&amp;Pause Pipeline…</source>
        <translation>Pipeline &amp;anhalten…</translation>
    </message>
    <message>
        <source>&amp;Enqueue Tracks…</source>
        <translation>Tracks &amp;einreihen…</translation>
    </message>
    <message>
        <source>Enqueue Tracks</source>
        <translation>Tracks einreihen</translation>
    </message>
    <message>
        <source>&amp;Resume Pipeline</source>
        <translation>Pipeline &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Let the workers claim tracks again</source>
        <translation>Die Worker holen wieder Tracks</translation>
    </message>
    <message>
        <source>Stop claiming tracks (batches in flight finish)</source>
        <translation>Keine Tracks mehr holen (laufende Batches werden beendet)</translation>
    </message>
    <message>
        <source>Track ids to add as pending, one per line, or a CSV track list with the header id,artist,title[,isrc][,duration_ms] (at most %1):</source>
        <translation>Titel-IDs, die als ausstehend hinzugefügt werden, eine pro Zeile, oder eine CSV-Titelliste mit der Kopfzeile id,artist,title[,isrc][,duration_ms] (höchstens %1):</translation>
    </message>
    <message>
        <source>Add tracks to the queue by id, or with artist and title</source>
        <translation>Titel per ID oder mit Interpret und Titel einreihen</translation>
    </message>
</context>
<context>
    <name>dashboard::PrometheusClient</name>
    <message>
        <source>No Prometheus configured (start with --prometheus URL)</source>
        <translation>Kein Prometheus eingestellt (mit --prometheus URL starten)</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 antwortete mit HTTP %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 antwortete mit HTTP %2: %3</translation>
    </message>
    <message>
        <source>%1 sent what is not a range answer: %2</source>
        <translation>%1 sandte keine Bereichsantwort: %2</translation>
    </message>
</context>
<context>
    <name>dashboard::SourcesModel</name>
    <message>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Eingeschränkt</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ausgefallen</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Half-open</source>
        <translation>Halb offen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>vor %n s</numerusform>
            <numerusform>vor %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n min</numerusform>
            <numerusform>vor %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n h</numerusform>
            <numerusform>vor %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>jetzt fällig</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation>Breaker</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Next probe</source>
        <translation>Nächster Test</translation>
    </message>
    <message>
        <source>Success 1 h</source>
        <translation>Erfolg 1 h</translation>
    </message>
    <message>
        <source>Success 24 h</source>
        <translation>Erfolg 24 h</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95-Latenz</translation>
    </message>
    <message>
        <source>Rate limit left</source>
        <translation>Ratenlimit übrig</translation>
    </message>
    <message>
        <source>%1 · paused</source>
        <translation>%1 · pausiert</translation>
    </message>
    <message>
        <source>Paused by an operator: the pipeline skips %1</source>
        <translation>Von einem Operator pausiert: Die Pipeline überspringt %1</translation>
    </message>
    <message>
        <source>needs operator</source>
        <translation>braucht Operator</translation>
    </message>
    <message>
        <source>Reopened %1 times in a row: it probes no more by itself. Close it once %2 is back, or have it probe now (Source Actions).</source>
        <translation>%1-mal in Folge wieder geöffnet: testet nicht mehr von selbst. Schließen Sie ihn, sobald %2 wieder erreichbar ist, oder lassen Sie ihn jetzt testen (Quellen-Aktionen).</translation>
    </message>
    <message>
        <source>Trip forecast</source>
        <translation>Auslöseprognose</translation>
    </message>
</context>
<context>
    <name>dashboard::SourcesTable</name>
    <message>
        <source>Sources and circuit breakers</source>
        <translation>Quellen und Circuit Breaker</translation>
    </message>
</context>
<context>
    <name>dashboard::StatCard</name>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>Last known value: the backend is out of reach</source>
        <translation>Letzter bekannter Wert: Das Backend ist nicht erreichbar</translation>
    </message>
    <message>
        <source> (last known)</source>
        <translation> (zuletzt bekannt)</translation>
    </message>
</context>
<context>
    <name>dashboard::SummaryModel</name>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Teilweise</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Time to drain</source>
        <translation>Zeit bis leer</translation>
    </message>
    <message>
        <source>tracks</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>%1 /min</source>
        <translation>%1 /min</translation>
    </message>
    <message>
        <source>%1 in the last hour</source>
        <translation>%1 in der letzten Stunde</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Leer</translation>
    </message>
    <message>
        <source>nothing pending</source>
        <translation>nichts wartet</translation>
    </message>
    <message>
        <source>Not draining</source>
        <translation>Leert sich nicht</translation>
    </message>
    <message>
        <source>no tracks finished recently</source>
        <translation>zuletzt keine Titel fertig</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>at the current rate</source>
        <translation>beim aktuellen Tempo</translation>
    </message>
    <message>
        <source>tracks, whole fleet</source>
        <translation>Titel, ganze Flotte</translation>
    </message>
    <message>
        <source>%1 in the last hour, whole fleet</source>
        <translation>%1 in der letzten Stunde, ganze Flotte</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>by an operator; nothing is claimed</source>
        <translation>von einem Operator; nichts wird geholt</translation>
    </message>
    <message>
        <source>Oldest pending</source>
        <translation>Ältester wartender</translation>
    </message>
    <message>
        <source>waiting to be claimed</source>
        <translation>wartet auf Abholung</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Messe…</translation>
    </message>
    <message>
        <source>%1 /min over the first %2 s</source>
        <translation>%1 /min in den ersten %2 s</translation>
    </message>
    <message>
        <source>%1 /min enqueued</source>
        <translation>%1 /min eingereiht</translation>
    </message>
    <message>
        <source>the rate needs a minute</source>
        <translation>die Rate braucht eine Minute</translation>
    </message>
</context>
<context>
    <name>dashboard::TimeSeriesChart</name>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>Time span shown</source>
        <translation>Angezeigter Zeitraum</translation>
    </message>
    <message>
        <source>Time span of %1</source>
        <translation>Zeitraum von %1</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 T</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 T</translation>
    </message>
    <message>
        <source>No data
Prometheus has no samples in this range.</source>
        <translation>Keine Daten
Prometheus hat in diesem Zeitraum keine Messwerte.</translation>
    </message>
    <message>
        <source>No data
%1</source>
        <translation>Keine Daten
%1</translation>
    </message>
    <message>
        <source>No data
The backend does not report this yet.</source>
        <translation>Keine Daten
Das Backend meldet dies noch nicht.</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
    <message>
        <source>Operator action</source>
        <translation>Operator-Aktion</translation>
    </message>
    <message>
        <source>Backend out of reach</source>
        <translation>Backend nicht erreichbar</translation>
    </message>
    <message>
        <source>Pipeline paused</source>
        <translation>Pipeline pausiert</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomalie</translation>
    </message>
</context>
<context>
    <name>dashboard::TimeSeriesModel</name>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
</context>
<context>
    <name>dashboard::TrackDetailDialog</name>
    <message>
        <source>Track</source>
        <translation>Track</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Found by:</source>
        <translation>Gefunden von:</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Letzter Fehler:</translation>
    </message>
    <message>
        <source>Attempts, newest first:</source>
        <translation>Versuche, neueste zuerst:</translation>
    </message>
    <message>
        <source>&amp;Retry Track…</source>
        <translation>Track &amp;wiederholen…</translation>
    </message>
    <message>
        <source>Send this track back to pending with its retries reset</source>
        <translation>Diesen Track wieder ausstehend machen, Wiederholungen zurückgesetzt</translation>
    </message>
    <message>
        <source>Track %1</source>
        <translation>Track %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>keine Quelle</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>Only a failed or partial track can be retried</source>
        <translation>Nur ein fehlgeschlagener oder teilweiser Titel kann erneut versucht werden</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Metadata it ended up with, each field from the first source that had it:</source>
        <translation>Metadaten des Titels, jedes Feld von der ersten Quelle, die es hatte:</translation>
    </message>
    <message>
        <source>Fields found: %1 (this backend keeps no values)</source>
        <translation>Gefundene Felder: %1 (dieses Backend speichert keine Werte)</translation>
    </message>
    <message>
        <source>Metadata: none found yet</source>
        <translation>Metadaten: noch keine gefunden</translation>
    </message>
    <message>
        <source>Looked up as:</source>
        <translation>Gesucht als:</translation>
    </message>
    <message>
        <source>its id only (queued without artist and title)</source>
        <translation>nur seine ID (ohne Künstler und Titel eingereiht)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>ISRC %1</source>
        <translation>ISRC %1</translation>
    </message>
    <message>
        <source>Its way through the sources, last pass:</source>
        <translation>Sein Weg durch die Quellen, letzter Durchlauf:</translation>
    </message>
</context>
<context>
    <name>dashboard::TracksModel</name>
    <message>
        <source>Track</source>
        <translation>Track</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Letzter Versuch</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Gefunden von</translation>
    </message>
    <message>
        <source>Error source</source>
        <translation>Fehlerquelle</translation>
    </message>
    <message>
        <source>due</source>
        <translation>fällig</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
</context>
<context>
    <name>dashboard::TracksView</name>
    <message>
        <source>Track id starts with…</source>
        <translation>Track-ID beginnt mit…</translation>
    </message>
    <message>
        <source>Track id prefix</source>
        <translation>Anfang der Track-ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Any error</source>
        <translation>Jeder Fehler</translation>
    </message>
    <message>
        <source>Source of the error</source>
        <translation>Quelle des Fehlers</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Load &amp;More</source>
        <translation>&amp;Mehr laden</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Retry the selected tracks that failed or are partial</source>
        <translation>Die gewählten fehlgeschlagenen oder teilweisen Tracks wiederholen</translation>
    </message>
    <message>
        <source>No tracks match.</source>
        <translation>Keine passenden Tracks.</translation>
    </message>
    <message>
        <source>Tracks shown: %1; more match (Load More).</source>
        <translation>Angezeigte Tracks: %1; weitere passen (Mehr laden).</translation>
    </message>
    <message>
        <source>Tracks: %1.</source>
        <translation>Tracks: %1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Jede Quelle</translation>
    </message>
    <message>
        <source>Retry S&amp;elected…</source>
        <translation>Ausgewählte &amp;erneut versuchen…</translation>
    </message>
</context>
<context>
    <name>dashboard::TrayIcon</name>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>Jetzt &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation>Benachrichtigungen &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Enrichment Monitor</source>
        <translation>Enrichment Monitor</translation>
    </message>
    <message>
        <source>Not connected to the backend</source>
        <translation>Nicht mit dem Backend verbunden</translation>
    </message>
    <message>
        <source>All well</source>
        <translation>Alles in Ordnung</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications paused</source>
        <translation>Benachrichtigungen pausiert</translation>
    </message>
</context>
<context>
    <name>dashboard::TripForecastChart</name>
    <message>
        <source>Breaker-trip forecast</source>
        <translation>Breaker-Auslöseprognose</translation>
    </message>
    <message>
        <source>unlikely (under 20 %)</source>
        <translation>unwahrscheinlich (unter 20 %)</translation>
    </message>
    <message>
        <source>watch (20–50 %)</source>
        <translation>beobachten (20–50 %)</translation>
    </message>
    <message>
        <source>likely (50 % and over)</source>
        <translation>wahrscheinlich (ab 50 %)</translation>
    </message>
    <message>
        <source>% chance of opening within the hour</source>
        <translation>% Wahrscheinlichkeit, sich innerhalb der Stunde zu öffnen</translation>
    </message>
    <message>
        <source>No forecast yet
It needs ten minutes of calls to each source.</source>
        <translation>Noch keine Prognose
Sie braucht zehn Minuten Aufrufe an jede Quelle.</translation>
    </message>
    <message>
        <source>No breaker is expected to open within the hour.</source>
        <translation>Kein Breaker öffnet sich voraussichtlich innerhalb der Stunde.</translation>
    </message>
</context>
<context>
    <name>dashboard::TripForecastModel</name>
    <message>
        <source>too few calls to forecast</source>
        <translation>zu wenige Aufrufe für eine Prognose</translation>
    </message>
    <message>
        <source>Chance within 1 h</source>
        <translation>Wahrscheinlichkeit in 1 h</translation>
    </message>
    <message>
        <source>Expected minutes to trip</source>
        <translation>Erwartete Minuten bis zum Auslösen</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>messe…</translation>
    </message>
    <message>
        <source>open now</source>
        <translation>jetzt offen</translation>
    </message>
    <message>
        <source>may trip now</source>
        <translation>löst gleich aus</translation>
    </message>
    <message>
        <source>may trip in ~%1 min</source>
        <translation>löst in ~%1 min aus</translation>
    </message>
    <message>
        <source>%1 % within 1 h</source>
        <translation>%1 % in 1 h</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>stabil</translation>
    </message>
    <message>
        <source>No forecast yet: %1.</source>
        <translation>Noch keine Prognose: %1.</translation>
    </message>
    <message>
        <source>The breaker is open or probing now.</source>
        <translation>Der Breaker ist jetzt offen oder prüft.</translation>
    </message>
    <message>
        <source>Chance of opening within the hour %1 % (%2–%3 %).</source>
        <translation>Wahrscheinlichkeit, sich innerhalb der Stunde zu öffnen: %1 % (%2–%3 %).</translation>
    </message>
    <message>
        <source>not within 6 h</source>
        <translation>nicht innerhalb von 6 h</translation>
    </message>
    <message>
        <source>Expected in about %1 min (%2 to %3).</source>
        <translation>Erwartet in etwa %1 min (%2 bis %3).</translation>
    </message>
    <message>
        <source>Failures %1 % of calls, %2 %3 points an hour; %4 calls a minute.</source>
        <translation>Fehler bei %1 % der Aufrufe, %2 um %3 Punkte pro Stunde; %4 Aufrufe pro Minute.</translation>
    </message>
    <message>
        <source>rising</source>
        <translation>steigend</translation>
    </message>
    <message>
        <source>falling</source>
        <translation>fallend</translation>
    </message>
</context>
<context>
    <name>dashboard::WorkersModel</name>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Untätig</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Workers: %1</source>
        <translation>Worker: %1</translation>
    </message>
    <message>
        <source>Workers: %1 (%2)</source>
        <translation>Worker: %1 (%2)</translation>
    </message>
    <message>
        <source>%1&apos;s breaker for %2</source>
        <translation>Breaker von %1 für %2</translation>
    </message>
    <message>
        <source>%1 (this backend)</source>
        <translation>%1 (dieses Backend)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Tracks/min</source>
        <translation>Titel/min</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>%1 is lost: its breaker for %2 is unknown</source>
        <translation>%1 ist verloren: sein Breaker für %2 ist unbekannt</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>nothing queued</source>
        <translation>nichts in der Warteschlange</translation>
    </message>
    <message>
        <source>%1 queued; measuring how fast a worker goes</source>
        <translation>%1 in der Warteschlange; es wird gemessen, wie schnell ein Worker arbeitet</translation>
    </message>
    <message>
        <source>%1 queued, %2 a minute per worker: drains within %3</source>
        <translation>%1 in der Warteschlange, %2 pro Minute und Worker: abgearbeitet in %3</translation>
    </message>
    <message>
        <source>capped by %1&apos;s quota (%2 requests a minute); the backlog alone asks for %3</source>
        <translation>begrenzt durch das Kontingent von %1 (%2 Anfragen pro Minute); der Rückstand allein verlangt %3</translation>
    </message>
    <message>
        <source>held while the breaker of %1 is open; the backlog alone asks for %2</source>
        <translation>gehalten, solange der Circuit Breaker von %1 offen ist; der Rückstand allein verlangt %2</translation>
    </message>
    <message>
        <source>held while the pipeline is paused</source>
        <translation>gehalten, solange die Pipeline pausiert ist</translation>
    </message>
    <message>
        <source>the minimum (%1)</source>
        <translation>das Minimum (%1)</translation>
    </message>
    <message>
        <source>the maximum (%1); the backlog asks for %2</source>
        <translation>das Maximum (%1); der Rückstand verlangt %2</translation>
    </message>
    <message>
        <source>Desired workers: %1 (%2 live): %3</source>
        <translation>Gewünschte Worker: %1 (%2 aktiv): %3</translation>
    </message>
    <message>
        <source>Backlog: %1 (pending and in progress)</source>
        <translation>Rückstand: %1 (wartend und in Bearbeitung)</translation>
    </message>
    <message>
        <source>Inflow: %1 a minute; forecast over the target: %2</source>
        <translation>Zufluss: %1 pro Minute; Prognose über das Ziel: %2</translation>
    </message>
    <message>
        <source>Rate per worker: %1 tracks a minute</source>
        <translation>Rate pro Worker: %1 Titel pro Minute</translation>
    </message>
    <message>
        <source>Rate per worker: not measured yet</source>
        <translation>Rate pro Worker: noch nicht gemessen</translation>
    </message>
    <message>
        <source>The backlog alone asks for: %1</source>
        <translation>Der Rückstand allein verlangt: %1</translation>
    </message>
    <message>
        <source>Quota cap: %1 (%2, %3 requests a minute)</source>
        <translation>Kontingentgrenze: %1 (%2, %3 Anfragen pro Minute)</translation>
    </message>
    <message>
        <source>Open breakers (not counted): %1</source>
        <translation>Offene Circuit Breaker (nicht gezählt): %1</translation>
    </message>
    <message>
        <source>Bounds: %1 to %2 workers</source>
        <translation>Grenzen: %1 bis %2 Worker</translation>
    </message>
    <message>
        <source>Target drain time: %1 min; left for this backlog: %2 min</source>
        <translation>Ziel-Abarbeitungszeit: %1 min; übrig für diesen Rückstand: %2 min</translation>
    </message>
</context>
<context>
    <name>dashboard::WorkersPanel</name>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
</context>
</TS>
