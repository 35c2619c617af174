# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_preview_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableWidget,
    QTableWidgetItem, QTreeView, QVBoxLayout, QWidget)

class Ui_ImportPreviewDialog(object):
    def setupUi(self, ImportPreviewDialog):
        if not ImportPreviewDialog.objectName():
            ImportPreviewDialog.setObjectName(u"ImportPreviewDialog")
        ImportPreviewDialog.resize(1280, 760)
        self.mainLayout = QVBoxLayout(ImportPreviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLabel = QLabel(ImportPreviewDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"Importing \u2026")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summaryLabel)

        self.verticalSplitter = QSplitter(ImportPreviewDialog)
        self.verticalSplitter.setObjectName(u"verticalSplitter")
        self.verticalSplitter.setOrientation(Qt.Orientation.Vertical)
        self.verticalSplitter.setChildrenCollapsible(False)
        self.topSplitter = QSplitter(self.verticalSplitter)
        self.topSplitter.setObjectName(u"topSplitter")
        self.topSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.topSplitter.setChildrenCollapsible(False)
        self.mappingGroup = QGroupBox(self.topSplitter)
        self.mappingGroup.setObjectName(u"mappingGroup")
        self.mappingLayout = QVBoxLayout(self.mappingGroup)
        self.mappingLayout.setObjectName(u"mappingLayout")
        self.sheetForm = QFormLayout()
        self.sheetForm.setObjectName(u"sheetForm")
        self.sheetForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.sheetLabel = QLabel(self.mappingGroup)
        self.sheetLabel.setObjectName(u"sheetLabel")

        self.sheetForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sheetLabel)

        self.sheetCombo = QComboBox(self.mappingGroup)
        self.sheetCombo.setObjectName(u"sheetCombo")

        self.sheetForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sheetCombo)

        self.kindLabel = QLabel(self.mappingGroup)
        self.kindLabel.setObjectName(u"kindLabel")

        self.sheetForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.mappingGroup)
        self.kindCombo.setObjectName(u"kindCombo")

        self.sheetForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)


        self.mappingLayout.addLayout(self.sheetForm)

        self.sheetNoteLabel = QLabel(self.mappingGroup)
        self.sheetNoteLabel.setObjectName(u"sheetNoteLabel")
        self.sheetNoteLabel.setText(u"")
        self.sheetNoteLabel.setWordWrap(True)

        self.mappingLayout.addWidget(self.sheetNoteLabel)

        self.columnsTable = QTableWidget(self.mappingGroup)
        self.columnsTable.setObjectName(u"columnsTable")
        self.columnsTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.columnsTable.setWordWrap(False)

        self.mappingLayout.addWidget(self.columnsTable)

        self.topSplitter.addWidget(self.mappingGroup)
        self.changesGroup = QGroupBox(self.topSplitter)
        self.changesGroup.setObjectName(u"changesGroup")
        self.changesLayout = QVBoxLayout(self.changesGroup)
        self.changesLayout.setObjectName(u"changesLayout")
        self.changesTree = QTreeView(self.changesGroup)
        self.changesTree.setObjectName(u"changesTree")
        self.changesTree.setAlternatingRowColors(True)
        self.changesTree.setUniformRowHeights(True)

        self.changesLayout.addWidget(self.changesTree)

        self.selectionLayout = QHBoxLayout()
        self.selectionLayout.setObjectName(u"selectionLayout")
        self.selectionLabel = QLabel(self.changesGroup)
        self.selectionLabel.setObjectName(u"selectionLabel")
        self.selectionLabel.setText(u"")

        self.selectionLayout.addWidget(self.selectionLabel)

        self.selectionSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.selectionLayout.addItem(self.selectionSpacer)

        self.selectAllButton = QPushButton(self.changesGroup)
        self.selectAllButton.setObjectName(u"selectAllButton")

        self.selectionLayout.addWidget(self.selectAllButton)

        self.selectNoneButton = QPushButton(self.changesGroup)
        self.selectNoneButton.setObjectName(u"selectNoneButton")

        self.selectionLayout.addWidget(self.selectNoneButton)


        self.changesLayout.addLayout(self.selectionLayout)

        self.topSplitter.addWidget(self.changesGroup)
        self.verticalSplitter.addWidget(self.topSplitter)
        self.issuesGroup = QGroupBox(self.verticalSplitter)
        self.issuesGroup.setObjectName(u"issuesGroup")
        self.issuesLayout = QVBoxLayout(self.issuesGroup)
        self.issuesLayout.setObjectName(u"issuesLayout")
        self.issuesTable = QTableWidget(self.issuesGroup)
        self.issuesTable.setObjectName(u"issuesTable")
        self.issuesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issuesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issuesTable.setWordWrap(False)

        self.issuesLayout.addWidget(self.issuesTable)

        self.verticalSplitter.addWidget(self.issuesGroup)

        self.mainLayout.addWidget(self.verticalSplitter)

        self.countsLabel = QLabel(ImportPreviewDialog)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setText(u"")
        self.countsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.countsLabel)

        self.backupLabel = QLabel(ImportPreviewDialog)
        self.backupLabel.setObjectName(u"backupLabel")
        self.backupLabel.setText(u"")
        self.backupLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.backupLabel)

        self.blockedLabel = QLabel(ImportPreviewDialog)
        self.blockedLabel.setObjectName(u"blockedLabel")
        self.blockedLabel.setText(u"")
        self.blockedLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.blockedLabel)

        self.buttonBox = QDialogButtonBox(ImportPreviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.sheetLabel.setBuddy(self.sheetCombo)
        self.kindLabel.setBuddy(self.kindCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportPreviewDialog)
        self.buttonBox.rejected.connect(ImportPreviewDialog.reject)

        QMetaObject.connectSlotsByName(ImportPreviewDialog)
    # setupUi

    def retranslateUi(self, ImportPreviewDialog):
        ImportPreviewDialog.setWindowTitle(QCoreApplication.translate("ImportPreviewDialog", u"Import preview", None))
        self.mappingGroup.setTitle(QCoreApplication.translate("ImportPreviewDialog", u"Sheets and columns", None))
        self.sheetLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"&Sheet:", None))
#if QT_CONFIG(accessibility)
        self.sheetCombo.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"File and sheet", None))
#endif // QT_CONFIG(accessibility)
        self.kindLabel.setText(QCoreApplication.translate("ImportPreviewDialog", u"&Read as:", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"What the sheet holds", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.columnsTable.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"Columns of the sheet and the fields they fill", None))
#endif // QT_CONFIG(accessibility)
        self.changesGroup.setTitle(QCoreApplication.translate("ImportPreviewDialog", u"Changes to the plan", None))
#if QT_CONFIG(accessibility)
        self.changesTree.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"Changes the import makes; tick the ones to apply", None))
#endif // QT_CONFIG(accessibility)
        self.selectAllButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"Tick &all", None))
        self.selectNoneButton.setText(QCoreApplication.translate("ImportPreviewDialog", u"Tick &none", None))
        self.issuesGroup.setTitle(QCoreApplication.translate("ImportPreviewDialog", u"Problems found", None))
#if QT_CONFIG(accessibility)
        self.issuesTable.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"Problems found in the files", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

