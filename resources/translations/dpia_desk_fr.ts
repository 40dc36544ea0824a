<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="82"/>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="90"/>
        <source>Compare vendors</source>
        <extracomment>Changes elsewhere (answers typed in an assessment window) come in bursts; one refresh each.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="93"/>
        <source>Choose two or more vendors from the list to see their results side by side. Enter or double-click adds a vendor; Delete removes the current column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="103"/>
        <source>Find a vendor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="104"/>
        <source>Find vendors to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="116"/>
        <source>Vendors to choose from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="137"/>
        <source>&amp;Add to comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="140"/>
        <source>Add the selected vendors to the comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="156"/>
        <source>Vendor comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="183"/>
        <source>&amp;Remove vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="185"/>
        <source>Remove the current vendor from the comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="188"/>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="189"/>
        <source>Remove every vendor from the comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="192"/>
        <source>Comparison state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="319"/>
        <source>Comparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="338"/>
        <source>The comparison could not be computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="347"/>
        <source>Comparing… {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="373"/>
        <source>%n vendor(s) compared</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="376"/>
        <source>No vendors chosen yet. Pick two or more from the list on the left and press “Add to comparison”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="383"/>
        <source>Add another vendor to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/page.py" line="448"/>
        <source>&amp;Remove {name} from the comparison</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AISystemDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/ai_system_dialog.py" line="39"/>
        <source>New AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/ai_system_dialog.py" line="39"/>
        <source>Edit AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/ai_system_dialog.py" line="44"/>
        <source>AI system name (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/ai_system_dialog.py" line="45"/>
        <source>Product or feature name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/ai_system_dialog.py" line="49"/>
        <source>What the system does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/ai_system_dialog.py" line="52"/>
        <source>Intended purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/ai_system_dialog.py" line="61"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/ai_system_dialog.py" line="63"/>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/ai_system_dialog.py" line="64"/>
        <source>Intended &amp;purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/ai_system_dialog.py" line="78"/>
        <source>The intended purpose is what the AI Act screening starts from: who uses the system, on whom, and for which decisions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="51"/>
        <source>About dpia_desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="62"/>
        <source>Due diligence of HR-tech vendors and their AI systems: EU AI Act tier, GDPR data protection impact assessment and vendor scorecard, offline, in one encrypted file. A working tool, not legal advice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="68"/>
        <source>Licence: {licence}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="75"/>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="76"/>
        <source>&amp;Licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="79"/>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="80"/>
        <source>Copy versions, folders and licences as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="96"/>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="97"/>
        <source>Python:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="99"/>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="102"/>
        <source>packaged app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="102"/>
        <source>Python installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="103"/>
        <source>Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="106"/>
        <source>Workspace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="107"/>
        <source>Settings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="108"/>
        <source>Backups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="109"/>
        <source>Your own forms:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="116"/>
        <source>The workspace key is kept in this computer&apos;s keychain (or protected by your passphrase); uninstalling the app leaves the workspace and its backups in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="129"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="130"/>
        <source>Open the folder of {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="144"/>
        <source>dpia_desk is free software under the {licence}. It ships these fonts and packages under their own licences:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="151"/>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="151"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="151"/>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="155"/>
        <source>Fonts (embedded in PDF exports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/about_dialog.py" line="161"/>
        <source>Python packages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="206"/>
        <source>Edit action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="206"/>
        <source>Add an action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="209"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="212"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="213"/>
        <source>Who does it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="214"/>
        <source>&amp;Due by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="217"/>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="225"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="230"/>
        <source>Risk it treats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="231"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="243"/>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="245"/>
        <source>&amp;Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="246"/>
        <source>Due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="247"/>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="248"/>
        <source>&amp;Risk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="261"/>
        <source>Say what is to be done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionsPage</name>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="34"/>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="37"/>
        <source>Open actions from risks and findings, the soonest due first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="41"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="42"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="43"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="46"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="47"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="48"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="49"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="50"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="57"/>
        <source>{date} (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="74"/>
        <source>%n open action(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="76"/>
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/actions.py" line="77"/>
        <source>No open actions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerCommand</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/commands.py" line="105"/>
        <source>answer to “{question}”</source>
        <extracomment>QUndoCommand ids: commands with the same id may merge (texts of one question).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentController</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/controller.py" line="331"/>
        <source>Cannot attach “{name}”: {reason}.</source>
        <extracomment>The vendor table&apos;s figures are refreshed this long after the last change. After a change elsewhere (another window), the related forms&apos; scores are read again after this pause. The change kind of answers and comments. Not &quot;assessment&quot;: the vendor registry and the other pages reload on &quot;assessment&quot;, and an answer changes nothing they show (the vendor figures follow through the debounced summary refresh, announced as &quot;vendor&quot;). Everything was read again (first load, lock, review change): rebuild what depends on it. Answers, visibility, completeness or scores changed. The stored answer of a question changed; ``from_history``: by undo/redo, not by its editor. A change was refused: (question id or &quot;&quot; for the assessment, message, hint). The assessment was reopened as a new version (its id).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/controller.py" line="335"/>
        <source>Cannot attach “{name}”: it is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/controller.py" line="338"/>
        <source>Cannot attach “{name}”: it is {size} MB, above the limit of {limit} MB. Attach a smaller extract or summary, and note where the full document is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/controller.py" line="346"/>
        <source>Cannot attach “{name}”: the file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentListPage</name>
    <message>
        <location filename="../../src/dpia_desk/ui/review/assessment_list.py" line="220"/>
        <location filename="../../src/dpia_desk/ui/review/assessment_list.py" line="222"/>
        <location filename="../../src/dpia_desk/ui/review/assessment_list.py" line="243"/>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/assessment_list.py" line="225"/>
        <source>Every assessment in this workspace, the most recently changed first. Press Enter or double-click to open one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/assessment_list.py" line="229"/>
        <source>Filter by vendor, AI system or form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/assessment_list.py" line="230"/>
        <source>Filter assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/review/assessment_list.py" line="313"/>
        <source>%n assessment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/assessment_list.py" line="316"/>
        <source>No assessment matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/assessment_list.py" line="318"/>
        <source>No assessments yet. Select a vendor and choose “Start review”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/assessment_list.py" line="360"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/assessment_list.py" line="362"/>
        <source>Open the &amp;review overview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentWindow</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="79"/>
        <source>Review overview</source>
        <extracomment>The user asked for another assessment (a reopened version) or the review overview.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="81"/>
        <source>Every step of this vendor review, and what comes next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="96"/>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="175"/>
        <source>Re&amp;open as new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="98"/>
        <source>Open the &amp;newer version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="110"/>
        <source>&amp;Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="111"/>
        <source>Risks and &amp;actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="112"/>
        <source>Review and &amp;sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="152"/>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="201"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="157"/>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="206"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="165"/>
        <source>&amp;Next section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="168"/>
        <source>&amp;Previous section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="171"/>
        <source>Help for the current &amp;question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="173"/>
        <source>&amp;Rate the current section…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="174"/>
        <source>&amp;Sign off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="176"/>
        <source>Review &amp;overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="178"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="182"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="187"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="190"/>
        <source>Re&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="196"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="201"/>
        <source>&amp;Undo {change}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="206"/>
        <source>&amp;Redo {change}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="221"/>
        <source>Save state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="222"/>
        <source>Every change is saved at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="227"/>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="231"/>
        <source>Saved ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="234"/>
        <source>Last saved at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="246"/>
        <source>{vendor} — {form} (version {version})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="256"/>
        <source>{status} · v{version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="262"/>
        <source>Status: {status}, version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="268"/>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="268"/>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="270"/>
        <source>This version is {status} and locked: it can be read, not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="273"/>
        <source>It has been reopened as a newer version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="276"/>
        <source>Reopening creates version {next} and keeps this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="281"/>
        <source>The workspace is open read-only: nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/window.py" line="363"/>
        <source>No program opens this kind of file; a copy is at {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentsPage</name>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/assessments.py" line="31"/>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/assessments.py" line="34"/>
        <source>Every assessment in this workspace, the most recently changed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/assessments.py" line="38"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/assessments.py" line="39"/>
        <source>AI system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/assessments.py" line="40"/>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/assessments.py" line="41"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/assessments.py" line="42"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/assessments.py" line="43"/>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/pages/assessments.py" line="55"/>
        <source>%n assessment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/assessments.py" line="56"/>
        <source>No assessments yet. Open a vendor and start one from there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="72"/>
        <source>Open {name} ({size}), added by {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="77"/>
        <source>Open attachment {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="82"/>
        <source>Remove this attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="84"/>
        <source>Remove attachment {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/audit_log.py" line="30"/>
        <source>Audit log</source>
        <extracomment>The page shows this many of the newest matching events; the filter reaches further back.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/audit_log.py" line="34"/>
        <source>Every change to this workspace is recorded here and chained, so a removed or altered entry can be detected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/audit_log.py" line="39"/>
        <source>Filter by person, action, record or field…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/audit_log.py" line="44"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/audit_log.py" line="45"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/audit_log.py" line="46"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/audit_log.py" line="47"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/audit_log.py" line="48"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/audit_log.py" line="49"/>
        <source>Record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/audit_log.py" line="61"/>
        <source>the newest {shown} of {total} events</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/pages/audit_log.py" line="65"/>
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/audit_log.py" line="66"/>
        <source>No event matches this filter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComboEditor</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/editors.py" line="234"/>
        <source>Choose…</source>
        <extracomment>Text and number editors save after this pause in typing (and on focus-out / Enter). Up to this many choices (with short labels) are radio buttons; more make a combo box. Labels longer than this wrap in a label beside the button. A whole-number spin box cannot go beyond this.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommentCommand</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/commands.py" line="124"/>
        <source>comment on “{question}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="213"/>
        <source>Risk</source>
        <extracomment>``headerData(row, Vertical, MEASURE_ROLE)``: the measure&apos;s key (``&quot;grade&quot;``, ``&quot;domain:&lt;id&gt;&quot;``, ``&quot;findings:critical&quot;``, ``&quot;section:risk&quot;``...).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="216"/>
        <source>Inherent risk tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="218"/>
        <source>From the vendor intake: data sensitivity, volume, decision impact, access and criticality set tier 1 (high) to 3 (low).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="224"/>
        <source>Review cadence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="225"/>
        <source>How often the inherent tier says the vendor is reviewed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="229"/>
        <source>AI Act tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="230"/>
        <source>The highest tier of the vendor&apos;s AI systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="234"/>
        <source>DPIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="235"/>
        <source>Whether a DPIA is required (GDPR Art. 35).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="237"/>
        <source>Due diligence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="240"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="241"/>
        <source>A (best) to E; a serious open finding caps the grade the score earns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="245"/>
        <source>Overall score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="246"/>
        <source>Weighted mean of the domain scores, 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="250"/>
        <source>Evidence-backed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="252"/>
        <source>Share of the answered claims backed by attached evidence; the rest is self-attested by the vendor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="259"/>
        <source>Domain scores (0–100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="262"/>
        <source>Due-diligence domain score, 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="266"/>
        <source>Open findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="268"/>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="269"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="270"/>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="271"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="277"/>
        <source>Raised by the newest assessments and not closed by a done action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="282"/>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="283"/>
        <source>Open actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="283"/>
        <source>Actions not done yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="286"/>
        <source>Overdue actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="287"/>
        <source>Open actions past their due date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="290"/>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="290"/>
        <source>The vendor&apos;s next review date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="301"/>
        <source>Tier 1 · high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="302"/>
        <source>Tier 2 · moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="303"/>
        <source>Tier 3 · low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="306"/>
        <source>No intake yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="307"/>
        <source>Tier {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="310"/>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="311"/>
        <source>Every %n month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="324"/>
        <source>The score alone earns {earned}; an open finding caps it at {cap}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="328"/>
        <source>{grade} (capped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="331"/>
        <source>Not scored yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="334"/>
        <source>No answers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="339"/>
        <source>{backed} of {total} answered claims backed by evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="346"/>
        <source>Not in this form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="347"/>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="355"/>
        <source>%n answered question(s), {share} backed by evidence</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="360"/>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="370"/>
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="372"/>
        <source>Past their due date and not done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="377"/>
        <source>Not planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="380"/>
        <source>%n day(s) overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="382"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="384"/>
        <source>in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="386"/>
        <source>{date} ({relative})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/compare/model.py" line="399"/>
        <source>{value}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/crash.py" line="66"/>
        <source>dpia_desk: unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/crash.py" line="70"/>
        <source>Something went wrong inside dpia_desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/crash.py" line="74"/>
        <source>Your work is safe: every change was saved when you made it. You can keep working, or quit and start again. Please send the details below with a short note of what you were doing to the people who maintain dpia_desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/crash.py" line="88"/>
        <source>Error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/crash.py" line="91"/>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/crash.py" line="92"/>
        <source>Copy the error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/crash.py" line="99"/>
        <source>&amp;Keep working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/crash.py" line="102"/>
        <source>&amp;Quit dpia_desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/crash.py" line="125"/>
        <source>Copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="132"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="140"/>
        <source>Dashboard</source>
        <extracomment>Rows a list shows before it scrolls inside the page.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="142"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="143"/>
        <source>Refresh the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="144"/>
        <source>Read the workspace again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="153"/>
        <source>Reviews overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="154"/>
        <source>Reviews due in 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="155"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="207"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="270"/>
        <source>Overdue actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="156"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="227"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="273"/>
        <source>Reviews with blockers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="164"/>
        <source>Reviews due within</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="166"/>
        <source>Passed or due within %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="170"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="202"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="171"/>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="172"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="174"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="236"/>
        <source>AI Act tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="179"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="243"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="186"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="265"/>
        <source>Reviews due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="194"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="195"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="195"/>
        <source>Nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="196"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="198"/>
        <source>Overdue by</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="199"/>
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="203"/>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="215"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="217"/>
        <source>Blocks sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="222"/>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="222"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="237"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="244"/>
        <source>Vendors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="250"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="280"/>
        <source>Vendors by AI Act tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="253"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="281"/>
        <source>Vendors by grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="392"/>
        <source>%n day(s) overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="394"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="395"/>
        <source>In %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="400"/>
        <source>{form} · {system}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="402"/>
        <source>{form} (version {version})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="411"/>
        <source>Prohibited practice (AI Act Art. 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="413"/>
        <source>Consult the supervisory authority (GDPR Art. 36)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="415"/>
        <source>%n critical finding(s) open</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="417"/>
        <source>{step} rejected at sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="419"/>
        <source>{step} not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="421"/>
        <source>{step}: required questions unanswered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="434"/>
        <source>{count} ({percent}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="446"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="465"/>
        <source>Checking the open reviews…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="476"/>
        <source>Checking the open reviews… {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="500"/>
        <source>Not checked: refresh to check the open reviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="506"/>
        <source>The dashboard could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="517"/>
        <source>As of {date} · %n vendor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="531"/>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="574"/>
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="533"/>
        <source>The {shown} longest overdue of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="535"/>
        <source>No action is past its due date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="560"/>
        <source>No grade yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="572"/>
        <source>%n vendor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="576"/>
        <source>the first {shown} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="579"/>
        <source>No review is due within %n day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="589"/>
        <source>%n blocked, of the {checked} open reviews due soonest ({total} open in all)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="594"/>
        <source>%n of {total} open review(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dashboard/page.py" line="599"/>
        <source>Nothing blocks the sign-off of the open reviews.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/editors.py" line="510"/>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBox</name>
    <message>
        <location filename="../../src/dpia_desk/ui/crash.py" line="136"/>
        <source>dpia_desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="95"/>
        <source>Welcome to dpia_desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="114"/>
        <source>Keep the key in the &amp;keychain (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="115"/>
        <source>Keychain mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="118"/>
        <source>The workspace opens without a password while you are signed in to this computer; its key stays in your account&apos;s keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="123"/>
        <source>Not available: no secure keychain was found on this computer ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="126"/>
        <source>Protect it with a &amp;passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="127"/>
        <source>Passphrase mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="130"/>
        <source>You type the passphrase each time you open the workspace; nobody can recover it for you, so choose a long one you will remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="140"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="144"/>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="150"/>
        <source>Pa&amp;ssphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="152"/>
        <source>&amp;Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="167"/>
        <source>&amp;Create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="170"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="174"/>
        <source>Everything you record is kept in one encrypted file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="178"/>
        <source>Workspace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="188"/>
        <source>Create your workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="192"/>
        <source>How should the key be kept?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="219"/>
        <source>Use at least {count} characters; a few words make a good passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="225"/>
        <source>The two passphrases differ; type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="238"/>
        <source>Creating the encrypted workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="273"/>
        <source>If the passphrase is ever forgotten, this recovery key still opens the workspace. It is shown only now: copy it or save it as a PDF, and keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="297"/>
        <source>If this computer&apos;s keychain is ever lost (a new laptop, a reinstalled system), this recovery key still opens the workspace. It is shown only now: copy it or save it as a PDF, and keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="306"/>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="309"/>
        <source>C&amp;opy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="310"/>
        <source>Copy the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="312"/>
        <source>Save as &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="313"/>
        <source>Save the recovery key as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="317"/>
        <source>I have &amp;stored the recovery key in a safe place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="318"/>
        <source>C&amp;ontinue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="335"/>
        <source>Your recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="346"/>
        <source>Copied. Paste it into your password manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="351"/>
        <source>Save the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="351"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="366"/>
        <source>Could not save: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="370"/>
        <source>Saved to {path}. Print it, then delete the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="383"/>
        <source>Load &amp;demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="386"/>
        <source>A few fictional HR-tech vendors and their AI systems, to explore the app. You can delete them later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="390"/>
        <source>Start &amp;empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="391"/>
        <source>An empty registry, ready for your first vendor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="399"/>
        <source>&amp;Open dpia_desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="409"/>
        <source>How do you want to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="427"/>
        <source>Loading the demo data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="446"/>
        <source>The demo data could not be loaded: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/first_run.py" line="460"/>
        <source>Store the recovery key first, then tick the box.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormsPage</name>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="34"/>
        <source>Forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="38"/>
        <source>The questionnaires assessments are answered with. Your organisation can add its own in the user forms folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="43"/>
        <source>Built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="43"/>
        <source>Your organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="45"/>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="46"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="47"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="48"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="49"/>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="51"/>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="54"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="65"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="77"/>
        <source>%n form(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="77"/>
        <source>No forms were found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="81"/>
        <source>{file} was left out: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/forms.py" line="96"/>
        <source>The forms could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeatMapLegend</name>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/heat_map.py" line="313"/>
        <source>Heat map legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/heat_map.py" line="315"/>
        <source>Low zone: plain. Moderate zone: dotted. High zone: hatched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeatMapWidget</name>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/heat_map.py" line="83"/>
        <source>Severity {s} ({sl}) × likelihood {l} ({ll}): {level} zone, {count} risk(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/heat_map.py" line="104"/>
        <source>{title}: {count} rated risk(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/heat_map.py" line="207"/>
        <source>Likelihood →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/heat_map.py" line="215"/>
        <source>Severity →</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="23"/>
        <source>Prohibited</source>
        <extracomment>lupdate extracts translate(&quot;Context&quot;, &quot;literal&quot;) calls; keep both arguments literal.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="24"/>
        <source>High risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="25"/>
        <source>Limited risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="26"/>
        <source>Minimal risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="27"/>
        <source>Out of scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="30"/>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="36"/>
        <source>A practice the AI Act forbids (Art. 5): it must not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="39"/>
        <source>High-risk under the AI Act (Art. 6, Annex III): strict duties apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="42"/>
        <source>Transparency duties apply (AI Act Art. 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="43"/>
        <source>No specific AI Act duties beyond AI literacy (Art. 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="44"/>
        <source>Not an AI system, or excluded from the AI Act (Art. 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="49"/>
        <source>No AI Act screening has been completed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="55"/>
        <source>DPIA required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="56"/>
        <source>Likely required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="57"/>
        <source>Consider a DPIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="58"/>
        <location filename="../../src/dpia_desk/ui/labels.py" line="106"/>
        <source>Not required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="61"/>
        <source>Not screened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="66"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="71"/>
        <source>No due-diligence questionnaire has been scored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="72"/>
        <source>Due-diligence grade {grade} (A best, E worst).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="80"/>
        <source>HR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="81"/>
        <source>IT and security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="82"/>
        <source>Data protection officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="83"/>
        <source>Legal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="84"/>
        <source>Procurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="91"/>
        <source>No contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="92"/>
        <source>Negotiating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="93"/>
        <location filename="../../src/dpia_desk/ui/labels.py" line="105"/>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="94"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="95"/>
        <source>Terminated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="102"/>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="103"/>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="104"/>
        <location filename="../../src/dpia_desk/ui/labels.py" line="114"/>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="113"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="115"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/labels.py" line="116"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockedDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/locked.py" line="17"/>
        <source>dpia_desk is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/locked.py" line="23"/>
        <source>The workspace is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/locked.py" line="27"/>
        <source>“{name}” was closed and its key removed from memory. Unlock it to carry on where you were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/locked.py" line="36"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/locked.py" line="39"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="96"/>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="103"/>
        <source>Save state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="105"/>
        <source>Workspace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="118"/>
        <source>Read-only: changes are not possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="123"/>
        <source>Saved ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="125"/>
        <source>Every change is saved at once; last at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="130"/>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="155"/>
        <source>&amp;New vendor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="158"/>
        <source>&amp;Backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="161"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="164"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="170"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="176"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="181"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="190"/>
        <source>&amp;About dpia_desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="192"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="198"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="207"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="213"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="277"/>
        <source>Back up the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="279"/>
        <source>dpia_desk workspaces (*.dpia)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="289"/>
        <source>Writing and verifying the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="290"/>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/main_window.py" line="296"/>
        <source>Backup written to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <location filename="../../src/dpia_desk/ui/navigation.py" line="77"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigationModel</name>
    <message>
        <location filename="../../src/dpia_desk/ui/navigation.py" line="45"/>
        <source>{page} (Ctrl+{number})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/editors.py" line="450"/>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/editors.py" line="474"/>
        <source>from {low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/editors.py" line="478"/>
        <source>at least {low}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/editors.py" line="480"/>
        <source>at most {high}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/__init__.py" line="104"/>
        <source>Vendors</source>
        <extracomment>A short message for the status bar (&quot;Vendor added&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/__init__.py" line="105"/>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/__init__.py" line="106"/>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/__init__.py" line="107"/>
        <source>Forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/__init__.py" line="108"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/__init__.py" line="109"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/__init__.py" line="110"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlainTextEditor</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/editors.py" line="408"/>
        <source>{used} of {limit} characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionWidget</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="127"/>
        <source>Required</source>
        <extracomment>The user asked to open an attachment (the window writes it to a private temp file).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="139"/>
        <source>Show help and references (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="140"/>
        <source>Help for this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="190"/>
        <source>Attach evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="191"/>
        <source>Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="194"/>
        <source>Add a file (or drop files onto this question); it is stored encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="199"/>
        <source>Clear answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="200"/>
        <source>Clear the answer to this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="208"/>
        <source>Answered by: {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="233"/>
        <source>{question} (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="265"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="266"/>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="267"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="268"/>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="271"/>
        <source>⚠ Finding ({severity}): {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="284"/>
        <source>Hide comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="284"/>
        <source>Comment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="345"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="374"/>
        <source>Evidence is requested: attach the document that supports the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="385"/>
        <source>A note for the other reviewers (saved as you type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="388"/>
        <source>Comment on: {question}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="455"/>
        <source>Attach evidence to this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/question_widget.py" line="457"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionsView</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/questions_view.py" line="48"/>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/questions_view.py" line="50"/>
        <source>Ctrl+Page Down and Ctrl+Page Up move between sections.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RateSectionDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="52"/>
        <source>Rate a section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="53"/>
        <source>Rate the section {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="58"/>
        <source>&amp;Acceptable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="59"/>
        <source>&amp;Improvable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="60"/>
        <source>&amp;To be corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="74"/>
        <source>What should the author change or check?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="75"/>
        <source>Comment for the author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="77"/>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="81"/>
        <source>Rating:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="82"/>
        <source>&amp;Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="85"/>
        <source>Re&amp;viewer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="92"/>
        <source>Save rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="99"/>
        <source>The author sees the rating and the comment beside the section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="112"/>
        <source>Name the reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="119"/>
        <source>The rating was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPdf</name>
    <message>
        <location filename="../../src/dpia_desk/ui/recovery_pdf.py" line="21"/>
        <location filename="../../src/dpia_desk/ui/recovery_pdf.py" line="51"/>
        <source>dpia_desk recovery key</source>
        <extracomment>lupdate extracts translate(&quot;Context&quot;, &quot;literal&quot;) calls; keep both arguments literal.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/recovery_pdf.py" line="35"/>
        <source>This key opens the workspace below on any computer, even if this computer&apos;s keychain is lost or the passphrase forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/recovery_pdf.py" line="40"/>
        <source>Keep this sheet like a house key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/recovery_pdf.py" line="41"/>
        <source>Anyone holding it and a copy of the workspace file can read everything in it. Print it, store it somewhere locked, and delete this PDF file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/recovery_pdf.py" line="46"/>
        <source>To use it: start dpia_desk, choose “Use the recovery key” when asked to unlock, and type the key (dashes and case do not matter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/recovery_pdf.py" line="52"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/recovery_pdf.py" line="53"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/results_panel.py" line="124"/>
        <location filename="../../src/dpia_desk/ui/assessment/results_panel.py" line="125"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/results_panel.py" line="130"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/results_panel.py" line="136"/>
        <source>Results and their reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/results_panel.py" line="138"/>
        <source>Expand a result to see the reasons, sources and answers behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/results_panel.py" line="141"/>
        <source>Expand a result to see why: sources and answers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewOverviewWidget</name>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="197"/>
        <source>Review overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="202"/>
        <source>What still blocks sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="203"/>
        <source>Nothing blocks the sign-off of this review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="280"/>
        <source>Guided review of {vendor}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="282"/>
        <source>AI system: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="287"/>
        <source>What still blocks sign-off:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="293"/>
        <source>Proposed next step: {title}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="295"/>
        <source>Every needed step is done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="82"/>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="186"/>
        <source>Send for re&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="83"/>
        <source>Mark the assessment as ready for the reviewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="85"/>
        <source>&amp;Sign off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="93"/>
        <source>Still blocking approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="98"/>
        <source>Unanswered required questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="99"/>
        <source>Double-click or press Enter to go to the question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="105"/>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="107"/>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="109"/>
        <source>Not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="111"/>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="112"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="117"/>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="145"/>
        <source>Section ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="119"/>
        <source>&amp;Rate selected section…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="124"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="125"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="126"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="127"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="128"/>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="133"/>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="157"/>
        <source>Sign-offs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="134"/>
        <source>Nobody has signed off yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="151"/>
        <source>A reviewer (DPO or legal) rates each section; the author sees the rating and comment beside the section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="168"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="168"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="175"/>
        <source>Status: {status} · version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="184"/>
        <source>Back to &amp;draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="192"/>
        <source>This version is locked. Reopen it to make changes; that creates a new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="197"/>
        <source>Sign-offs needed from: {required}. Approved so far: {approved}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="199"/>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="205"/>
        <source>%n required question(s) unanswered</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="207"/>
        <source>Sign-off by {group} pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/review_panel.py" line="212"/>
        <source>Rejected by {groups}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="367"/>
        <source>Review overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="368"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="369"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="374"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="385"/>
        <source>{title} — review overview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="59"/>
        <source>Edit risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="59"/>
        <source>Add a risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="62"/>
        <source>Risk title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="65"/>
        <source>Feared event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="71"/>
        <source>One per line, e.g. a malicious insider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="72"/>
        <source>Risk sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="75"/>
        <source>One per line, e.g. loss of a job opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="76"/>
        <source>Impacts on the people concerned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="81"/>
        <source>Severity before measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="84"/>
        <source>Likelihood before measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="87"/>
        <source>Severity after measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="90"/>
        <source>Likelihood after measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="98"/>
        <source>The measures that bring the risk down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="99"/>
        <source>Measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="103"/>
        <source>Resulting risk level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="116"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="118"/>
        <source>&amp;Feared event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="119"/>
        <source>&amp;Sources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="120"/>
        <source>&amp;Impacts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="121"/>
        <source>&amp;Before measures:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="122"/>
        <source>&amp;Measures:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="123"/>
        <source>&amp;After measures:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="124"/>
        <source>Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="135"/>
        <source>Rate severity and likelihood on the CNIL scales (1 negligible to 4 maximum), before the measures and after them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="155"/>
        <source>Before measures: {level}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="162"/>
        <source>After measures: {level}. {advice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="171"/>
        <source>Give the risk a title.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Risks</name>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/dialogs.py" line="39"/>
        <source>Not rated yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RisksPanel</name>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="86"/>
        <source>Add &amp;risk…</source>
        <extracomment>A risk rated by the DPIA form itself: its questions change it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="88"/>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="276"/>
        <source>&amp;Edit risk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="90"/>
        <source>De&amp;lete risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="93"/>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="114"/>
        <source>Risk register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="106"/>
        <source>Before measures (inherent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="107"/>
        <source>After measures (residual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="109"/>
        <source>Point at a cell, or focus a map and use the arrow keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="129"/>
        <source>Each risk is rated on the CNIL scales before and after its measures. The three feared events the DPIA form rates are listed too (change them there).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="141"/>
        <source>Add a&amp;ction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="143"/>
        <source>Action for the &amp;selected risk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="145"/>
        <source>Actions from &amp;findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="147"/>
        <source>One open action for every finding that has none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="150"/>
        <source>Edit ac&amp;tion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="153"/>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="163"/>
        <source>Action plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="160"/>
        <source>No action yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="250"/>
        <source>A high residual risk remains ({names}): consult the supervisory authority before the processing starts (GDPR Art. 36(1)), or reduce the risk further.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="256"/>
        <source>%n action(s) overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="274"/>
        <source>&amp;Go to its questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="354"/>
        <source>Delete risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/risks/panel.py" line="355"/>
        <source>Delete the risk “{title}”? Its actions stay in the plan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/section_page.py" line="62"/>
        <source>&amp;Rate this section…</source>
        <extracomment>Cards built with the page (about a screenful), then per event-loop turn.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/section_page.py" line="64"/>
        <source>Reviewers: rate the section acceptable, improvable or to be corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/section_page.py" line="73"/>
        <source>Answered by: {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/section_page.py" line="85"/>
        <source>Reviewer&apos;s rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/section_page.py" line="89"/>
        <source>This section does not apply with the answers given so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/section_page.py" line="171"/>
        <source>{mark} Reviewer’s rating: {rating} — {who}, {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="28"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="32"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="33"/>
        <source>As it should appear on sign-offs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="37"/>
        <source>Default role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="43"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="45"/>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="62"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="46"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="47"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="54"/>
        <source>Lock after idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="56"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="57"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="61"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="69"/>
        <source>A new language applies the next time you start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="75"/>
        <source>&amp;Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="76"/>
        <source>Default &amp;role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="77"/>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="78"/>
        <source>&amp;Lock after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/settings_dialog.py" line="79"/>
        <source>Lan&amp;guage:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="131"/>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="198"/>
        <source>Sign off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="133"/>
        <source>Signing as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="139"/>
        <source> (approved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="141"/>
        <source> (rejected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="143"/>
        <source> (not required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="152"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="154"/>
        <source>A&amp;pprove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="155"/>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="166"/>
        <source>E.g. “The HR sections are complete and accurate to my knowledge.”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="168"/>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="176"/>
        <source>Unanswered required questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="177"/>
        <source>Double-click or press Enter to go to the question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="182"/>
        <source>Signing &amp;as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="185"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="189"/>
        <source>Decision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="190"/>
        <source>&amp;Statement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="202"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="204"/>
        <source>Sign off this assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="208"/>
        <source>Each role signs off its sections. When every role has approved, the assessment is approved and locked. Still to sign: {pending}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="225"/>
        <source>Name the person signing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/assessment/dialogs.py" line="247"/>
        <source>Approval refused: {count} required question(s) are unanswered. Answer them, or record a rejection instead. Double-click a question to go to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartReviewDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="47"/>
        <source>Start a review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="49"/>
        <source>What to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="50"/>
        <source>The vendor as a whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="52"/>
        <source>AI system: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="56"/>
        <source>Optional; by default the vendor (and system) name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="57"/>
        <source>Review title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="59"/>
        <source>&amp;Review:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="62"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="67"/>
        <source>Reviews already started for this vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="71"/>
        <source>{title} — started {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="80"/>
        <source>&amp;Open selected review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="88"/>
        <source>&amp;Start review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="97"/>
        <source>A review starts with the intake; the app then proposes each next step from the answers so far, with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/start_dialog.py" line="104"/>
        <source>Reviews under way</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="105"/>
        <source>{number}. {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="109"/>
        <source>Whether this step is needed, and why (below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="110"/>
        <source>Proposed next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="116"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="121"/>
        <source>Start anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="121"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="129"/>
        <source>{action} {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="149"/>
        <source>State: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="154"/>
        <source>Result: {result}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="156"/>
        <source>Depth: {depth}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/review/overview.py" line="159"/>
        <source>Answered by: {roles}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreErrorDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="62"/>
        <source>The workspace is already open</source>
        <extracomment>lupdate extracts translate(&quot;Context&quot;, &quot;literal&quot;) calls; keep both arguments literal.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="63"/>
        <source>Another dpia_desk window or command is using it. Close it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="71"/>
        <source>This workspace needs a newer dpia_desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="72"/>
        <source>It was saved by a newer version, which this one cannot read safely. Install the newer version to open it; the file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="81"/>
        <source>The workspace is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="82"/>
        <source>It was left as it is. You can open it read-only to look at and copy out what is readable, or open a backup (backups are in the backups folder next to it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="91"/>
        <source>This file is not a dpia_desk workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="92"/>
        <source>Choose your workspace file (it ends in .dpia), or create a new workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="100"/>
        <source>The workspace was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="101"/>
        <source>Choose where it is now, or create a new workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="106"/>
        <source>No secure keychain on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="107"/>
        <source>Open the workspace with its passphrase or its recovery key instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="115"/>
        <source>The keychain could not be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="116"/>
        <source>Unlock your keychain and try again, or open the workspace with its recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="124"/>
        <source>The key of this workspace is not on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="125"/>
        <source>Open it with its recovery key; it can then be kept in this computer&apos;s keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="132"/>
        <source>The workspace could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="133"/>
        <source>Try again, or choose another workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="140"/>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="141"/>
        <source>Use the &amp;recovery key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="142"/>
        <source>Use a &amp;passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="143"/>
        <source>Open &amp;read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="144"/>
        <source>&amp;Open another workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="145"/>
        <source>&amp;Create a new workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="146"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/store_error.py" line="156"/>
        <source>dpia_desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="73"/>
        <source>Unlock workspace</source>
        <extracomment>``exec()`` result when a store error other than a wrong key ended the dialog.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="81"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="83"/>
        <source>S&amp;how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="84"/>
        <source>Show the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="97"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="103"/>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="107"/>
        <source>&amp;Remember it in this computer&apos;s keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="114"/>
        <source>Recovery &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="128"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="131"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="139"/>
        <source>Unlock “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="168"/>
        <source>Use the &amp;passphrase instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="171"/>
        <source>Use the recovery &amp;key instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="209"/>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="223"/>
        <source>This recovery key does not open this workspace. Check that it belongs to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/unlock.py" line="231"/>
        <source>This passphrase does not open the workspace. It is case-sensitive; try again, or use the recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VendorDetailPanel</name>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="54"/>
        <source>Vendor details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="60"/>
        <source>Close the vendor panel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="61"/>
        <source>Close vendor details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="72"/>
        <source>Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="73"/>
        <source>Website:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="74"/>
        <source>Contract:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="75"/>
        <source>DPA:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="76"/>
        <source>Next review:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="77"/>
        <source>Results:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="87"/>
        <source>&amp;Edit vendor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="89"/>
        <source>Start &amp;review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="90"/>
        <source>A guided review: intake first, then each next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="94"/>
        <source>AI systems of this vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="96"/>
        <source>Add &amp;AI system…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="98"/>
        <source>No AI system recorded for this vendor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="101"/>
        <source>Assessments of this vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="103"/>
        <source>No assessment yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="111"/>
        <source>AI systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="130"/>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="165"/>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="166"/>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="172"/>
        <source>Not planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="175"/>
        <source>{tier}; {verdict}; grade {grade}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendor_detail.py" line="195"/>
        <source>{form} v{version}: {status}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VendorDialog</name>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="56"/>
        <source>New vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="56"/>
        <source>Edit vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="60"/>
        <source>Vendor name (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="61"/>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="66"/>
        <source>Country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="67"/>
        <source>e.g. DE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="77"/>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="82"/>
        <source>Contract status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="86"/>
        <source>Data processing agreement status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="90"/>
        <source>Plan the next review on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="93"/>
        <source>Next review date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="103"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="112"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="114"/>
        <source>&amp;Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="118"/>
        <source>&amp;Website:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="120"/>
        <source>C&amp;ontract:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="121"/>
        <source>&amp;DPA:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="122"/>
        <source>Re&amp;view:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="125"/>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/dialogs/vendor_dialog.py" line="136"/>
        <source>Only the name is required; the rest can follow later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VendorTableModel</name>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="183"/>
        <source>Vendor</source>
        <extracomment>``index.data(VENDOR_ID_ROLE)``: the vendor&apos;s id. ``index.data(BADGE_ROLE)``: ``&quot;tier:&lt;code&gt;&quot;``, ``&quot;grade:&lt;code&gt;&quot;`` or ``&quot;verdict:&lt;code&gt;&quot;`` (code empty when not assessed) for the columns the BadgeDelegate paints. ``index.data(SORT_KEY_ROLE)``: the source&apos;s sort key of the column. The source&apos;s ``order_by`` key for each column. Emitted with the exact number of matching vendors once it is known.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="184"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="185"/>
        <source>AI Act tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="186"/>
        <source>DPIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="187"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="188"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="189"/>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="194"/>
        <source>The vendor&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="195"/>
        <source>Country of establishment (ISO code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="196"/>
        <source>EU AI Act risk tier of the vendor&apos;s AI systems (highest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="197"/>
        <source>Whether a GDPR data protection impact assessment is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="198"/>
        <source>Due-diligence grade, A (best) to E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="199"/>
        <source>Open findings: problems found and not yet resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/models/vendor_table.py" line="200"/>
        <source>When the vendor is due for its next review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VendorsPage</name>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="43"/>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="47"/>
        <source>Vendors</source>
        <extracomment>Filter-as-you-type waits this long after the last keystroke before querying.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="50"/>
        <source>Filter by name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="51"/>
        <source>Filter vendors by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="56"/>
        <source>&amp;New vendor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="59"/>
        <source>Add a new vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="72"/>
        <source>Vendor registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="194"/>
        <source>%n matching vendor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="196"/>
        <source>%n vendor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="200"/>
        <source>No vendor matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="202"/>
        <source>No vendors yet. Add the first one with “New vendor” (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="271"/>
        <source>Vendor added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="279"/>
        <source>Vendor saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="286"/>
        <source>AI system added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="293"/>
        <source>AI system saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="311"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/pages/vendors.py" line="312"/>
        <source>Start &amp;review…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceOpener</name>
    <message>
        <location filename="../../src/dpia_desk/ui/workspace_flow.py" line="147"/>
        <source>This computer&apos;s keychain holds no key for this workspace (it may come from another computer). Enter its recovery key, or its passphrase if it has one.</source>
        <extracomment>lupdate extracts translate(&quot;Context&quot;, &quot;literal&quot;) calls; keep both arguments literal. Give up after this many rounds of error dialogs (a loop the user cannot leave is a bug).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/workspace_flow.py" line="157"/>
        <source>No secure keychain is available on this computer. Enter the workspace&apos;s passphrase or its recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/workspace_flow.py" line="189"/>
        <source>Open a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/workspace_flow.py" line="191"/>
        <source>dpia_desk workspaces (*.dpia);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/workspace_flow.py" line="197"/>
        <source>Create a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/dpia_desk/ui/workspace_flow.py" line="199"/>
        <source>dpia_desk workspaces (*.dpia)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
