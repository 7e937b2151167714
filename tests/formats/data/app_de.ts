<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../mainwindow.cpp" line="42"/>
        <source>&amp;Open...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="50"/>
        <source>Save</source>
        <comment>verb, on the toolbar</comment>
        <extracomment>Keep it short</extracomment>
        <translation>Speichern</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) deleted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Old string</source>
        <translation type="vanished">Alter Text</translation>
    </message>
    <message>
        <source>Copied %1 of %2</source>
        <translation type="unfinished">Kopiert %1 von %2</translation>
    </message>
</context>
</TS>
