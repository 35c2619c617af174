# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lists_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_ListsDialog(object):
    def setupUi(self, ListsDialog):
        if not ListsDialog.objectName():
            ListsDialog.setObjectName(u"ListsDialog")
        ListsDialog.resize(860, 560)
        self.mainLayout = QVBoxLayout(ListsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ListsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.listsList = QListWidget(ListsDialog)
        self.listsList.setObjectName(u"listsList")
        self.listsList.setSpacing(2)
        self.listsList.setMinimumSize(QSize(190, 0))
        self.listsList.setMaximumSize(QSize(240, 16777215))

        self.bodyLayout.addWidget(self.listsList)

        self.termsLayout = QVBoxLayout()
        self.termsLayout.setObjectName(u"termsLayout")
        self.listNote = QLabel(ListsDialog)
        self.listNote.setObjectName(u"listNote")
        self.listNote.setWordWrap(True)

        self.termsLayout.addWidget(self.listNote)

        self.termsView = QTableView(ListsDialog)
        self.termsView.setObjectName(u"termsView")
        self.termsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.termsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.termsView.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed)
        self.termsView.horizontalHeader().setStretchLastSection(True)
        self.termsView.verticalHeader().setVisible(False)

        self.termsLayout.addWidget(self.termsView)


        self.bodyLayout.addLayout(self.termsLayout)

        self.buttonsLayout = QVBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.addButton = QPushButton(ListsDialog)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.addButton)

        self.renameButton = QPushButton(ListsDialog)
        self.renameButton.setObjectName(u"renameButton")
        self.renameButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.renameButton)

        self.upButton = QPushButton(ListsDialog)
        self.upButton.setObjectName(u"upButton")
        self.upButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.upButton)

        self.downButton = QPushButton(ListsDialog)
        self.downButton.setObjectName(u"downButton")
        self.downButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.downButton)

        self.retireButton = QPushButton(ListsDialog)
        self.retireButton.setObjectName(u"retireButton")
        self.retireButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.retireButton)

        self.deleteButton = QPushButton(ListsDialog)
        self.deleteButton.setObjectName(u"deleteButton")
        self.deleteButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.deleteButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.buttonsLayout.addItem(self.buttonsSpacer)


        self.bodyLayout.addLayout(self.buttonsLayout)


        self.mainLayout.addLayout(self.bodyLayout)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.statusLabel = QLabel(ListsDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.footerLayout.addWidget(self.statusLabel)

        self.buttonBox = QDialogButtonBox(ListsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.footerLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.footerLayout)

        QWidget.setTabOrder(self.listsList, self.termsView)
        QWidget.setTabOrder(self.termsView, self.addButton)
        QWidget.setTabOrder(self.addButton, self.renameButton)
        QWidget.setTabOrder(self.renameButton, self.upButton)
        QWidget.setTabOrder(self.upButton, self.downButton)
        QWidget.setTabOrder(self.downButton, self.retireButton)
        QWidget.setTabOrder(self.retireButton, self.deleteButton)

        self.retranslateUi(ListsDialog)
        self.buttonBox.rejected.connect(ListsDialog.reject)

        QMetaObject.connectSlotsByName(ListsDialog)
    # setupUi

    def retranslateUi(self, ListsDialog):
        ListsDialog.setWindowTitle(QCoreApplication.translate("ListsDialog", u"Lists", None))
        self.introLabel.setText(QCoreApplication.translate("ListsDialog", u"The words this plan uses in its tables, forms and exports. Rename a term to your team's word; retire one you no longer use, and records that hold it keep it.", None))
#if QT_CONFIG(accessibility)
        self.listsList.setAccessibleName(QCoreApplication.translate("ListsDialog", u"Lists", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.termsView.setAccessibleName(QCoreApplication.translate("ListsDialog", u"Terms of the list", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("ListsDialog", u"&Add\u2026", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("ListsDialog", u"Add a term at the end of this list (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.renameButton.setText(QCoreApplication.translate("ListsDialog", u"Re&name", None))
#if QT_CONFIG(tooltip)
        self.renameButton.setToolTip(QCoreApplication.translate("ListsDialog", u"Type the team's own word for this term (F2)", None))
#endif // QT_CONFIG(tooltip)
        self.upButton.setText(QCoreApplication.translate("ListsDialog", u"Move &up", None))
#if QT_CONFIG(tooltip)
        self.upButton.setToolTip(QCoreApplication.translate("ListsDialog", u"Move the term up the list (Ctrl+Up)", None))
#endif // QT_CONFIG(tooltip)
        self.downButton.setText(QCoreApplication.translate("ListsDialog", u"Move do&wn", None))
#if QT_CONFIG(tooltip)
        self.downButton.setToolTip(QCoreApplication.translate("ListsDialog", u"Move the term down the list (Ctrl+Down)", None))
#endif // QT_CONFIG(tooltip)
        self.retireButton.setText(QCoreApplication.translate("ListsDialog", u"&Retire", None))
#if QT_CONFIG(tooltip)
        self.retireButton.setToolTip(QCoreApplication.translate("ListsDialog", u"Stop offering this term for new values; records that use it keep it (Ctrl+R)", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("ListsDialog", u"&Delete", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("ListsDialog", u"Delete a term your team added that no record uses (Delete)", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

